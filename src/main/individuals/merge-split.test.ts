import { describe, expect, it } from 'vitest'
import type { CatalogData } from '../../shared/domain'
import { emptyCatalog } from '../catalog/catalog'
import { individualDetail } from '../catalog/individual-detail'
import { catalogStats, listIndividuals } from '../catalog/queries'
import { validateCatalog } from '../catalog/validate'
import { rejectedIndividuals } from '../review/candidates'
import { applyDecision, applyNewIndividual, applyUndo } from '../review/decisions'
import { applyDeleteAnnotation } from '../annotations/edit-annotations'
import { captureHistory } from '../exports/capture-history'
import { applyMerge, applySplit } from './merge-split'

/** Two whales, Salt (a1, a2) and Pepper (a3), and an unassigned fluke a4. */
function catalogue(): CatalogData {
  const data = emptyCatalog()
  data.batches.push({
    id: 'b1',
    kind: 'folder',
    source: '/x',
    label: 'x',
    startedAt: 't0',
    finishedAt: 't0',
    state: 'done',
    added: 4,
    duplicates: 0,
    rejected: []
  })
  for (const [n, individualId] of [
    [1, 'salt'],
    [2, 'salt'],
    [3, 'pepper'],
    [4, null]
  ] as const) {
    data.photos.push({
      id: `p${n}`,
      hash: String(n).repeat(64),
      originalPath: `/x/p${n}.jpg`,
      fileName: `p${n}.jpg`,
      byteSize: 1,
      format: 'jpeg',
      width: 600,
      height: 400,
      orientation: 1,
      takenAt: null,
      gps: null,
      camera: null,
      batchId: 'b1',
      sightingId: null,
      importedAt: 't0'
    })
    data.annotations.push({
      id: `a${n}`,
      photoId: `p${n}`,
      box: { x: 0, y: 0, width: 600, height: 400 },
      rotation: 0,
      source: 'whole-image',
      viewpoint: null,
      quality: null,
      individualId,
      createdAt: 't0',
      updatedAt: 't0'
    })
  }
  for (const [id, name] of [
    ['salt', 'Salt'],
    ['pepper', 'Pepper']
  ]) {
    data.individuals.push({ id: id!, name: name!, notes: '', createdAt: 't0', mergedIntoId: null })
  }
  return data
}

const owner = (data: CatalogData, id: string) =>
  data.annotations.find((a) => a.id === id)?.individualId

describe('merging individuals', () => {
  it('moves every fluke, keeps the merged individual marked, and logs it all', () => {
    const data = catalogue()
    const change = applyMerge(data, 'pepper', 'salt', 't1')
    expect(owner(data, 'a3')).toBe('salt')
    expect(data.individuals.find((i) => i.id === 'pepper')?.mergedIntoId).toBe('salt')
    expect(change).toMatchObject({
      kind: 'merge',
      at: 't1',
      by: 'user',
      fromIndividualId: 'pepper',
      toIndividualId: 'salt',
      annotationIds: ['a3']
    })
    const assignment = data.assignments.find((a) => a.id === change.assignmentIds[0])
    expect(assignment).toMatchObject({
      annotationId: 'a3',
      previousIndividualId: 'pepper',
      individualId: 'salt',
      by: 'user',
      note: 'merged Pepper into Salt'
    })
    expect(listIndividuals(data).map((i) => i.name)).toEqual(['Salt'])
    expect(catalogStats(data).individuals).toBe(1)
    const occasions = [{ label: '', from: '2024-01-01', to: '2024-12-31' }]
    expect(captureHistory(data, occasions).neverSeen).toEqual(['Salt'])
    // The merged one's page still reads: where it went, and its history.
    const pepper = individualDetail(data, 'pepper')
    expect(pepper.mergedInto).toEqual({ id: 'salt', name: 'Salt' })
    expect(pepper.history[0]).toMatchObject({ from: 'Pepper', to: 'Salt' })
    expect(pepper.changes[0]).toMatchObject({ kind: 'merge', from: 'Pepper', to: 'Salt' })
    expect(() => validateCatalog(structuredClone(data))).not.toThrow()
  })

  it('refuses merging into itself, into or from a merged individual, or unknown ids', () => {
    const data = catalogue()
    expect(() => applyMerge(data, 'salt', 'salt')).toThrow(/itself/)
    expect(() => applyMerge(data, 'salt', 'nobody')).toThrow(/No individual/)
    applyMerge(data, 'pepper', 'salt')
    expect(() => applyMerge(data, 'pepper', 'salt')).toThrow(/already merged into Salt/)
    expect(() => applyMerge(data, 'salt', 'pepper')).toThrow(/already merged/)
  })

  it('counts a rejection of the merged individual against the one it went into', () => {
    const data = catalogue()
    applyDecision(
      data,
      {
        queryAnnotationId: 'a4',
        verdict: 'different',
        individualId: 'pepper',
        candidateAnnotationId: 'a3'
      },
      'model-1'
    )
    applyMerge(data, 'pepper', 'salt')
    expect(rejectedIndividuals(data, 'a4')).toEqual(new Set(['salt']))
    expect(() =>
      applyDecision(
        data,
        {
          queryAnnotationId: 'a4',
          verdict: 'same',
          individualId: 'pepper',
          candidateAnnotationId: null
        },
        'model-1'
      )
    ).toThrow(/merged/)
  })
})

describe('splitting an individual', () => {
  it('moves the chosen flukes to a new individual, named or generated', () => {
    const data = catalogue()
    const change = applySplit(data, 'salt', ['a2'], { newName: 'Pepita' }, '2024-05-01T00:00:00Z')
    const pepita = data.individuals.find((i) => i.name === 'Pepita')
    expect(owner(data, 'a2')).toBe(pepita?.id)
    expect(owner(data, 'a1')).toBe('salt')
    expect(change).toMatchObject({ kind: 'split', createdIndividual: true, annotationIds: ['a2'] })
    applySplit(data, 'salt', ['a1'], { newName: null }, '2024-05-01T00:00:00Z')
    expect(data.individuals.map((i) => i.name)).toContain('FP-2024-001')
    expect(() => validateCatalog(structuredClone(data))).not.toThrow()
  })

  it('refuses flukes of another individual, nothing chosen, a taken name, or itself', () => {
    const data = catalogue()
    expect(() => applySplit(data, 'salt', ['a3'], { newName: null })).toThrow(/not one of Salt/)
    expect(() => applySplit(data, 'salt', [], { newName: null })).toThrow(/Choose/)
    expect(() => applySplit(data, 'salt', ['a1'], { newName: 'Pepper' })).toThrow(/already/)
    expect(() => applySplit(data, 'salt', ['a1'], { individualId: 'salt' })).toThrow(/another/)
    expect(() => applySplit(data, 'salt', ['a1', 'a1'], { individualId: 'pepper' })).toThrow(
      /twice/
    )
    // Nothing half-done: every refusal came before any change.
    expect(data.assignments).toEqual([])
    expect(data.changes).toEqual([])
    expect(owner(data, 'a1')).toBe('salt')
  })

  it('merges and splits back again with the whole history kept, then merges again', () => {
    const data = catalogue()
    applyMerge(data, 'pepper', 'salt', 't1')
    // The biologist sees Pepper's photo was a different whale after all: split it back.
    const back = applySplit(data, 'salt', ['a3'], { individualId: 'pepper' }, 't2')
    expect(back.toIndividualId).toBe('pepper')
    expect(data.individuals.find((i) => i.id === 'pepper')?.mergedIntoId).toBeNull()
    expect(owner(data, 'a3')).toBe('pepper')
    expect(listIndividuals(data).map((i) => i.name)).toEqual(['Pepper', 'Salt'])
    applyMerge(data, 'pepper', 'salt', 't3')
    const history = individualDetail(data, 'salt')
    expect(history.changes.map((c) => [c.kind, c.from, c.to, c.at])).toEqual([
      ['merge', 'Pepper', 'Salt', 't3'],
      ['split', 'Salt', 'Pepper', 't2'],
      ['merge', 'Pepper', 'Salt', 't1']
    ])
    expect(history.history.filter((h) => h.photoId === 'p3').map((h) => [h.from, h.to])).toEqual([
      ['Pepper', 'Salt'],
      ['Salt', 'Pepper'],
      ['Pepper', 'Salt']
    ])
    expect(() => validateCatalog(structuredClone(data))).not.toThrow()
  })

  it('keeps an individual made by a decision when undo finds a merge naming it', () => {
    const data = catalogue()
    const decision = applyNewIndividual(data, 'a4', 'Later', null)
    const later = decision.candidateIndividualId
    applyMerge(data, 'pepper', later)
    applySplit(data, later, ['a3'], { individualId: 'pepper' })
    expect(applyUndo(data)?.id).toBe(decision.id)
    expect(owner(data, 'a4')).toBeNull()
    // Undo alone would remove it; the merge and split that name it keep it readable.
    expect(individualDetail(data, 'pepper').changes.map((c) => c.to)).toEqual(['Pepper', 'Later'])
    expect(() => validateCatalog(structuredClone(data))).not.toThrow()
  })
})

describe('deleting a box', () => {
  it('logs the deleted annotation whole, assigned or not', () => {
    const data = catalogue()
    applyDeleteAnnotation(data, 'a4', 't1')
    applyDeleteAnnotation(data, 'a1', 't2')
    expect(data.changes.map((c) => [c.kind, c.annotation?.id, c.fromIndividualId])).toEqual([
      ['annotation-deleted', 'a4', null],
      ['annotation-deleted', 'a1', 'salt']
    ])
    const salt = individualDetail(data, 'salt')
    expect(salt.history[0]).toMatchObject({ fileName: 'p1.jpg', from: 'Salt', to: null })
    expect(() => validateCatalog(structuredClone(data))).not.toThrow()
  })
})
