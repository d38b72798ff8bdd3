// A model's files on disk: saved whole with their checksums, refused when missing, damaged or
// changed, and a refused model never becomes the one in use.
import { readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import * as tf from '@tensorflow/tfjs'
import { describe, expect, it } from 'vitest'
import { coreWithHandlers } from '../../../../tests/fixtures/handlers'
import { tempDir } from '../../../../tests/fixtures/images'
import { Catalog } from '../../catalog/catalog'
import { loadModel, saveModel } from './model-files'
import type { ModelRecord } from './model-record'

const record = (id: string): ModelRecord => ({
  format: 'flukeprint-model/1',
  id,
  createdAt: '2026-01-01T00:00:00Z',
  kind: 'branch',
  input: { width: 8, height: 8, channels: 1 },
  embedding: 4,
  architecture: {},
  newWhaleThreshold: 0.5,
  backend: 'cpu',
  training: {
    data: { source: 'x', items: 0, individuals: 0, validationQueries: 0 },
    settings: {},
    curve: [],
    steps: 0,
    seconds: 0,
    stoppedBecause: 'test'
  },
  scores: {}
})

function tinyModel(): tf.LayersModel {
  const model = tf.sequential()
  model.add(tf.layers.dense({ inputShape: [6], units: 4 }))
  return model
}

async function savedModel(dir: string, id: string) {
  const model = tinyModel()
  await saveModel(model, record(id), dir)
  model.dispose()
}

describe('model files', () => {
  it('saves the checksums of its files and loads back', async () => {
    const dir = join(await tempDir(), 'm1')
    await savedModel(dir, 'm1')
    const saved = JSON.parse(await readFile(join(dir, 'flukeprint.json'), 'utf8')) as ModelRecord
    expect(Object.keys(saved.files ?? {}).sort()).toEqual(['model.json', 'weights.bin'])
    const { model, record: loaded } = await loadModel(dir)
    expect(loaded.id).toBe('m1')
    model.dispose()
  })

  it('refuses weights changed in place (same size) by their checksum', async () => {
    const dir = join(await tempDir(), 'm1')
    await savedModel(dir, 'm1')
    const weights = await readFile(join(dir, 'weights.bin'))
    weights[5] = (weights[5] ?? 0) ^ 0xff
    await writeFile(join(dir, 'weights.bin'), weights)
    await expect(loadModel(dir)).rejects.toThrow(
      /weights\.bin does not match the checksum saved with the model/
    )
  })

  it('refuses a model with a missing file or a damaged record', async () => {
    const dir = join(await tempDir(), 'm1')
    await savedModel(dir, 'm1')
    await rm(join(dir, 'weights.bin'))
    await expect(loadModel(dir)).rejects.toThrow(/weights\.bin is missing/)
    await writeFile(join(dir, 'flukeprint.json'), '{"format": "flukeprint-mo')
    await expect(loadModel(dir)).rejects.toThrow(/flukeprint\.json is not valid JSON/)
  })

  it('keeps the model in use when the chosen one is damaged', async () => {
    const dir = await tempDir()
    await savedModel(join(dir, 'models', 'good'), 'good')
    await savedModel(join(dir, 'models', 'bad'), 'bad')
    const catalog = await Catalog.open(dir, { create: true })
    await catalog.update((data) => {
      for (const id of ['good', 'bad']) {
        data.models.push({
          id,
          createdAt: 'now',
          kind: 'branch',
          dir: id,
          scores: {},
          comparedWith: null
        })
      }
      data.currentModelId = 'good'
    })
    await catalog.close()
    const weights = join(dir, 'models', 'bad', 'weights.bin')
    const bytes = await readFile(weights)
    bytes[0] = (bytes[0] ?? 0) ^ 1
    await writeFile(weights, bytes)

    const { core } = coreWithHandlers()
    await core.openCatalog(dir, false)
    await expect(core.setCurrentModel('bad')).rejects.toThrow(/damaged or were changed/)
    expect(core.catalog?.data.currentModelId).toBe('good')
    await rm(join(dir, 'models', 'bad'), { recursive: true })
    await expect(core.setCurrentModel('bad')).rejects.toThrow(/is missing/)
    await core.closeCatalog()
    const onDisk = await Catalog.open(dir, { create: false, readOnly: true })
    expect(onDisk.data.currentModelId).toBe('good')
  })
})
