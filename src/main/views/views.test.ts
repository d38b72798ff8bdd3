import { describe, expect, it } from 'vitest'
import type { Annotation, CatalogData, Photo, Sighting } from '../../shared/domain'
import { emptyCatalog } from '../catalog/catalog'
import { embeddingMapOf, computeLayout, layoutSignature } from './embedding-map'
import { MIN_UMAP_POINTS, nearestNeighbours, normalise, pca2, project } from './projection'
import { sightingMap } from './sighting-points'

const photo = (id: string, sightingId: string | null, batchId = 'b1'): Photo => ({
  id,
  hash: id,
  originalPath: `/x/${id}.jpg`,
  fileName: `${id}.jpg`,
  byteSize: 1,
  format: 'jpeg',
  width: 10,
  height: 10,
  orientation: 1,
  takenAt: null,
  gps: null,
  camera: null,
  batchId,
  sightingId,
  importedAt: '2024-01-01T00:00:00Z'
})
const annotation = (id: string, photoId: string, individualId: string | null): Annotation => ({
  id,
  photoId,
  box: { x: 0, y: 0, width: 10, height: 10 },
  rotation: 0,
  source: 'proposed',
  proposedBy: 'untrained',
  viewpoint: null,
  quality: null,
  individualId,
  createdAt: '',
  updatedAt: 'u'
})
const sighting = (id: string, date: string | null, placed: boolean, batchId = 'b1'): Sighting => ({
  id,
  batchId,
  date,
  place: placed ? { lat: 42, lon: -70 } : null
})

function catalogue(): CatalogData {
  const data = emptyCatalog()
  data.batches.push(
    {
      id: 'b1',
      kind: 'folder',
      source: '/a',
      label: 'Survey A',
      startedAt: '',
      finishedAt: null,
      state: 'done',
      added: 0,
      duplicates: 0,
      rejected: []
    },
    {
      id: 'b2',
      kind: 'folder',
      source: '/b',
      label: 'Survey B',
      startedAt: '',
      finishedAt: null,
      state: 'done',
      added: 0,
      duplicates: 0,
      rejected: []
    }
  )
  data.individuals.push(
    { id: 'i1', name: 'Salt', notes: '', createdAt: '', mergedIntoId: null },
    { id: 'i2', name: 'Pepper', notes: '', createdAt: '', mergedIntoId: null }
  )
  data.sightings.push(
    sighting('s2', '2021-07-02', true),
    sighting('s1', '2021-07-01', true),
    sighting('s3', null, false),
    sighting('s4', '2022-08-01', true, 'b2')
  )
  data.photos.push(photo('p1', 's1'), photo('p2', 's1'), photo('p3', 's2'), photo('p4', 's3'))
  data.photos.push(photo('p5', 's4', 'b2'), photo('p6', null))
  data.annotations.push(
    annotation('a1', 'p1', 'i1'),
    annotation('a2', 'p2', 'i2'),
    annotation('a3', 'p3', 'i1'),
    annotation('a4', 'p4', 'i1'),
    annotation('a5', 'p5', null),
    annotation('a6', 'p6', 'i2')
  )
  return data
}

describe('sightingMap', () => {
  it('gives one point per placed sighting, oldest first, with who was seen', () => {
    const { points, withoutPlace } = sightingMap(catalogue(), {})
    expect(points.map((p) => p.sightingId)).toEqual(['s1', 's2', 's4'])
    expect(withoutPlace).toBe(1)
    expect(points[0]?.individuals.map((i) => i.name)).toEqual(['Pepper', 'Salt'])
    expect(points[0]?.photoIds).toEqual(['p1', 'p2'])
    expect(points[0]?.batchLabel).toBe('Survey A')
    expect(points[2]?.individuals).toEqual([])
  })

  it('filters by individual and by import', () => {
    const salt = sightingMap(catalogue(), { individualId: 'i1' })
    expect(salt.points.map((p) => p.sightingId)).toEqual(['s1', 's2'])
    expect(salt.withoutPlace).toBe(1)
    expect(sightingMap(catalogue(), { individualId: 'i2' }).points).toHaveLength(1)
    const b2 = sightingMap(catalogue(), { batchId: 'b2' })
    expect(b2.points.map((p) => p.sightingId)).toEqual(['s4'])
    expect(b2.withoutPlace).toBe(0)
  })
})

describe('projection', () => {
  it('PCA puts points on a line along the first axis', () => {
    const line = [0, 1, 2, 3].map((t) => Float32Array.from([t, 2 * t, 5]))
    const coords = pca2(line)
    const xs = coords.map((c) => c[0])
    const steps = xs.slice(1).map((x, i) => x - (xs[i] ?? 0))
    for (const step of steps) expect(Math.abs(step)).toBeCloseTo(Math.sqrt(5), 4)
    for (const c of coords) expect(c[1]).toBeCloseTo(0, 4)
  })

  it('normalises into the unit square, keeping the aspect', () => {
    expect(
      normalise([
        [0, 0],
        [4, 2]
      ])
    ).toEqual([
      [0, 0.25],
      [1, 0.75]
    ])
    expect(normalise([[3, 3]])).toEqual([[0.5, 0.5]])
  })

  it('uses PCA below the UMAP threshold and UMAP, repeatably, above it', async () => {
    const clusters = (n: number) =>
      Array.from({ length: n }, (_, i) => {
        const c = i % 3
        return Float32Array.from(
          { length: 8 },
          (_, d) => (d === c ? 10 : 0) + ((i * 7 + d) % 5) / 10
        )
      })
    expect((await project(clusters(MIN_UMAP_POINTS - 1))).method).toBe('pca')
    const a = await project(clusters(30), { seed: 3 })
    const b = await project(clusters(30), { seed: 3 })
    expect(a.method).toBe('umap')
    expect(a.coords).toEqual(b.coords)
    for (const [x, y] of a.coords) {
      expect(x).toBeGreaterThanOrEqual(0)
      expect(y).toBeLessThanOrEqual(1)
    }
    // Points of one cluster lie closer to each other than to the other clusters.
    const dist = (i: number, j: number) => {
      const [px, py] = a.coords[i] ?? [0, 0]
      const [qx, qy] = a.coords[j] ?? [0, 0]
      return Math.hypot(px - qx, py - qy)
    }
    expect(dist(0, 3)).toBeLessThan(dist(0, 1))
  })

  it('finds each vector’s nearest neighbour by cosine', async () => {
    const v = [
      [1, 0],
      [0.9, 0.1],
      [0, 1],
      [0.1, 1]
    ].map((x) => Float32Array.from(x))
    expect(await nearestNeighbours(v)).toEqual([1, 0, 3, 2])
    expect(await nearestNeighbours([Float32Array.from([1])])).toEqual([-1])
  })
})

describe('embeddingMapOf', () => {
  it('colours by today’s labels and flags neighbours of another individual', async () => {
    const data = catalogue()
    const vectors = [
      [1, 0],
      [0.95, 0.05],
      [0, 1],
      [0.1, 1]
    ].map((x) => Float32Array.from(x))
    const index = { modelId: 'm1', dim: 2, keys: ['a1@u', 'a3@u', 'a2@u', 'a5@u'], vectors }
    const layout = await computeLayout('/cat', index)
    expect(layout.signature).toBe(layoutSignature('/cat', index))
    const map = embeddingMapOf(data, layout)
    expect(map.method).toBe('pca')
    expect(map.points.map((p) => [p.annotationId, p.individualId, p.suspect])).toEqual([
      ['a1', 'i1', false],
      ['a3', 'i1', false],
      ['a2', 'i2', false],
      ['a5', null, false]
    ])
    expect(map.notEmbedded).toBe(2)
    // Relabel a3 as Pepper: a1 and a3 are each other's neighbours, so both are flagged.
    const a3 = data.annotations.find((a) => a.id === 'a3')
    if (a3) a3.individualId = 'i2'
    const after = embeddingMapOf(data, layout)
    expect(after.points.filter((p) => p.suspect).map((p) => p.annotationId)).toEqual(['a1', 'a3'])
    // A deleted annotation leaves the map.
    data.annotations = data.annotations.filter((a) => a.id !== 'a5')
    expect(embeddingMapOf(data, layout).points).toHaveLength(3)
  })
})
