import { describe, expect, it } from 'vitest'
import { emptyCatalog } from './catalog'
import { validateCatalog } from './validate'

const photo = {
  id: 'p1',
  hash: 'a'.repeat(64),
  originalPath: '/photos/a.jpg',
  fileName: 'a.jpg',
  byteSize: 10,
  format: 'jpeg',
  width: 640,
  height: 427,
  orientation: 1,
  takenAt: null,
  gps: null,
  camera: null,
  batchId: 'b1',
  sightingId: null,
  importedAt: 't'
}
const batch = {
  id: 'b1',
  kind: 'folder',
  source: '/photos',
  label: 'photos',
  startedAt: 't',
  finishedAt: 't',
  state: 'done',
  added: 1,
  duplicates: 0,
  rejected: []
}
const v3Annotation = (id: string, source: string) => ({
  id,
  photoId: 'p1',
  box: { x: 1, y: 2, width: 30, height: 20 },
  rotation: 0,
  source,
  viewpoint: null,
  quality: null,
  individualId: null,
  createdAt: 't',
  updatedAt: 't'
})

describe('catalogue migration 3 -> 4', () => {
  it('records which method proposed each box and starts with no learned proposer', () => {
    const v3: Record<string, unknown> = { ...emptyCatalog() }
    delete v3.boxProposers
    delete v3.boxProposerId
    const migrated = validateCatalog({
      ...v3,
      schemaVersion: 3,
      photos: [photo],
      batches: [batch],
      annotations: [
        v3Annotation('a1', 'proposed'),
        v3Annotation('a2', 'whole-image'),
        v3Annotation('a3', 'corrected')
      ]
    })
    expect(migrated.schemaVersion).toBe(4)
    expect(migrated.annotations.map((a) => [a.id, a.source, a.proposedBy])).toEqual([
      ['a1', 'proposed', 'untrained'],
      ['a2', 'whole-image', 'whole-image'],
      // Corrected before 4: whichever method proposed it is not known.
      ['a3', 'corrected', null]
    ])
    expect(migrated.annotations[0]?.box).toEqual({ x: 1, y: 2, width: 30, height: 20 })
    expect(migrated.boxProposers).toEqual([])
    expect(migrated.boxProposerId).toBeNull()
  })

  it('refuses an unknown proposer name', () => {
    const data = emptyCatalog()
    expect(() =>
      validateCatalog({
        ...data,
        photos: [photo],
        batches: [batch],
        annotations: [{ ...v3Annotation('a1', 'proposed'), proposedBy: 'magic' }]
      })
    ).toThrow(/annotations\.0\.proposedBy/)
  })
})
