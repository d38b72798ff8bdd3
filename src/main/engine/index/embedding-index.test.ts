// The catalogue's embedding index: built once, then only new or changed annotations are
// embedded again; a changed box changes its embedding; matching ranks by best image.
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../../../tests/fixtures/images'
import { testContext } from '../../../../tests/fixtures/run-job'
import { Catalog } from '../../catalog/catalog'
import { generateDemoDataset } from '../../demo'
import { kaggleImportRequest } from '../../import/import-requests'
import { runImport } from '../../import/importer'
import { initBackend } from '../backend'
import { candidateList, prepareCandidateGallery } from '../../review/candidates'
import { buildBranchModel } from '../model'
import { loadModel, saveModel } from '../store/model-files'
import type { ModelRecord } from '../store/model-record'
import { embedderFor } from '../run/embedder'
import { readIndex, updateIndex } from './embedding-index'

const record: ModelRecord = {
  format: 'flukeprint-model/1',
  id: 'm-test',
  createdAt: '2026-01-01T00:00:00Z',
  kind: 'branch',
  input: { width: 32, height: 32, channels: 1 },
  embedding: 16,
  architecture: {},
  newWhaleThreshold: 0.5,
  backend: 'wasm',
  training: {
    data: { source: 'x', items: 0, individuals: 0, validationQueries: 0 },
    settings: {},
    curve: [],
    steps: 0,
    seconds: 0,
    stoppedBecause: 'test'
  },
  scores: {}
}

let catalog: Catalog

beforeAll(async () => {
  await initBackend()
  const demo = await generateDemoDataset({
    outDir: join(await tempDir(), 'demo'),
    individuals: 4,
    photosPerIndividual: 3,
    seed: 9,
    width: 160,
    height: 107
  })
  catalog = await Catalog.open(await tempDir(), { create: true })
  await runImport(
    catalog,
    await kaggleImportRequest(demo.csvPath, demo.imagesDir),
    testContext().context
  )
}, 120_000)

const model = () =>
  buildBranchModel({
    inputHeight: 32,
    inputWidth: 32,
    channels: 1,
    width: 4,
    blocks: 1,
    subBlocks: 1,
    embedding: 16
  })

describe('embedding index', () => {
  it('embeds every annotation once, then only what changed', async () => {
    const net = model()
    const first = await updateIndex(catalog.dir, catalog.data, embedderFor(net, record))
    expect(first.embedded).toBe(12)
    expect((await readIndex(catalog.dir, record.id))?.keys).toHaveLength(12)
    const again = await updateIndex(catalog.dir, catalog.data, embedderFor(net, record))
    expect(again.embedded).toBe(0)
    const annotation = catalog.data.annotations[0]
    if (!annotation) throw new Error('no annotation')
    const before = first.vectors[first.keys.findIndex((k) => k.startsWith(annotation.id))]
    await catalog.update(() => {
      annotation.box = { x: 10, y: 10, width: 60, height: 40 }
      annotation.updatedAt = new Date(Date.now() + 1000).toISOString()
    })
    const changed = await updateIndex(catalog.dir, catalog.data, embedderFor(net, record))
    expect(changed.embedded).toBe(1)
    const after = changed.vectors[changed.keys.findIndex((k) => k.startsWith(annotation.id))]
    expect(Array.from(after ?? [])).not.toEqual(Array.from(before ?? []))
  })

  it('ranks individuals by their best image and finds an image itself first', async () => {
    const index = await updateIndex(catalog.dir, catalog.data, embedderFor(model(), record))
    const row = 3
    const query = index.vectors[row] as Float32Array
    const annotationId = index.keys[row]?.split('@')[0] ?? ''
    const own = catalog.data.annotations.find((a) => a.id === annotationId)?.individualId
    const rank = (threshold: number) =>
      candidateList({
        data: catalog.data,
        gallery: prepareCandidateGallery(catalog.data, index),
        query,
        annotationId: '',
        threshold,
        limit: 5
      })
    const result = rank(-2)
    expect(result.candidates[0]?.individualId).toBe(own)
    expect(result.candidates[0]?.annotationId).toBe(annotationId)
    expect(result.candidates[0]?.score).toBeCloseTo(1, 5)
    const individuals = new Set(catalog.data.annotations.map((a) => a.individualId)).size
    expect(result.candidates).toHaveLength(Math.min(5, individuals))
    expect(result.newWhaleAt).toBe(result.candidates.length)
    expect(rank(1.5).newWhaleAt).toBe(0)
  })

  it('saves and loads a model that embeds identically, and refuses damaged weights', async () => {
    const net = model()
    const dir = join(await tempDir(), 'model')
    await saveModel(net, record, dir)
    const loaded = await loadModel(dir)
    expect(loaded.record.id).toBe('m-test')
    const a = await updateIndex(await tempDir(), catalog.data, embedderFor(net, record))
    const b = await updateIndex(
      await tempDir(),
      catalog.data,
      embedderFor(loaded.model, loaded.record)
    )
    expect(Array.from(b.vectors[0] ?? [])).toEqual(Array.from(a.vectors[0] ?? []))
    const { truncate } = await import('node:fs/promises')
    await truncate(join(dir, 'weights.bin'), 100)
    await expect(loadModel(dir)).rejects.toThrow(/damaged/)
  })
})
