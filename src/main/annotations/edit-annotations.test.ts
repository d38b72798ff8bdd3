import { describe, expect, it } from 'vitest'
import type { CatalogData } from '../../shared/domain'
import { emptyCatalog } from '../catalog/catalog'
import {
  applyAnnotationChange,
  applyDeleteAnnotation,
  applyNewAnnotation
} from './edit-annotations'

function catalogue(): CatalogData {
  const data = emptyCatalog()
  data.photos.push({
    id: 'p1',
    hash: '0'.repeat(64),
    originalPath: '/x/p1.jpg',
    fileName: 'p1.jpg',
    byteSize: 1,
    format: 'jpeg',
    width: 600,
    height: 400,
    orientation: 6,
    takenAt: null,
    gps: null,
    camera: null,
    batchId: 'b1',
    sightingId: null,
    importedAt: 't0'
  })
  data.individuals.push({ id: 'i1', name: 'Salt', notes: '', createdAt: 't0', mergedIntoId: null })
  data.annotations.push({
    id: 'a1',
    photoId: 'p1',
    box: { x: 0, y: 0, width: 600, height: 400 },
    rotation: 0,
    source: 'whole-image',
    viewpoint: null,
    quality: null,
    individualId: 'i1',
    createdAt: 't0',
    updatedAt: 't0'
  })
  return data
}

const change = {
  id: 'a1',
  box: { x: 100.4, y: 50.6, width: 300, height: 120 },
  rotation: 370,
  quality: 'good' as const,
  viewpoint: 'ventral'
}

describe('editing boxes', () => {
  it('saves a moved box in whole original pixels as a new box version', () => {
    const data = catalogue()
    const saved = applyAnnotationChange(data, change, 't1')
    expect(saved).toMatchObject({
      box: { x: 100, y: 51, width: 300, height: 120 },
      rotation: 10,
      source: 'corrected',
      quality: 'good',
      viewpoint: 'ventral',
      updatedAt: 't1'
    })
  })

  it('keeps the box version when only the tags change ("box is fine")', () => {
    const data = catalogue()
    const same = { ...change, box: { x: 0, y: 0, width: 600, height: 400 }, rotation: 0 }
    expect(applyAnnotationChange(data, same, 't2')).toMatchObject({
      source: 'corrected',
      updatedAt: 't0'
    })
  })

  it('refuses a box off the photo or without size', () => {
    const data = catalogue()
    const off = { ...change, box: { x: 700, y: 0, width: 50, height: 50 } }
    expect(() => applyAnnotationChange(data, off)).toThrow(/centre is outside/)
    const flat = { ...change, box: { x: 10, y: 10, width: 1, height: 40 } }
    expect(() => applyAnnotationChange(data, flat)).toThrow(/needs a size/)
  })

  it('adds a second fluke to a photo, unassigned', () => {
    const data = catalogue()
    const added = applyNewAnnotation(data, {
      photoId: 'p1',
      box: { x: 10, y: 10, width: 50, height: 40 },
      rotation: -190
    })
    expect(added).toMatchObject({ individualId: null, rotation: 170, source: 'corrected' })
    expect(data.annotations.filter((a) => a.photoId === 'p1')).toHaveLength(2)
  })

  it('records in the history that a deleted box lost its individual', () => {
    const data = catalogue()
    applyDeleteAnnotation(data, 'a1', 't3')
    expect(data.annotations).toHaveLength(0)
    expect(data.assignments).toEqual([
      expect.objectContaining({
        annotationId: 'a1',
        previousIndividualId: 'i1',
        individualId: null,
        note: 'box deleted'
      })
    ])
  })
})
