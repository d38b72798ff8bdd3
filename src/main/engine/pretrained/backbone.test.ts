// The pretrained backbone loads from the npm package alone (fetch is made to fail while it
// loads), has the advertised shape, and gives the same vector for the same image every time,
// whatever batch it rides in.
import * as tf from '@tensorflow/tfjs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { beforeAll, describe, expect, it, vi } from 'vitest'
import { tempDir, writePhoto } from '../../../../tests/fixtures/images'
import { initBackend } from '../backend'
import { BACKBONE_LAYER, BACKBONE_POOLING, INPUT_SIZE, loadBackbone } from './backbone'
import { BACKBONE_PACKAGE } from './bundled-weights'
import { extractFeatures } from './extract'
import { pooledLength } from './pooling'

const installed = (() => {
  try {
    createRequire(import.meta.url).resolve(BACKBONE_PACKAGE)
    return true
  } catch {
    return false
  }
})()
if (!installed)
  console.log(`pretrained backbone tests skipped: ${BACKBONE_PACKAGE} is not installed`)

/** Deterministic, different-looking 224x224 RGB crops. */
function crop(seed: number): Uint8Array {
  const pixels = new Uint8Array(INPUT_SIZE * INPUT_SIZE * 3)
  for (let i = 0; i < pixels.length; i++)
    pixels[i] = (i * (seed + 3) + ((i / 672) | 0) * seed) % 256
  return pixels
}

describe.skipIf(!installed)('pretrained backbone', () => {
  beforeAll(async () => {
    await initBackend({ prefer: 'wasm' })
  })

  it('loads offline, with the advertised shape', async () => {
    const fetch = vi.spyOn(globalThis, 'fetch').mockRejectedValue(new Error('offline'))
    try {
      const backbone = await loadBackbone()
      expect(backbone.inputSize).toBe(224)
      expect(backbone.model.inputs[0]?.shape).toEqual([null, 224, 224, 3])
      const channels = backbone.model.outputs[0]?.shape[3]
      expect(backbone.featureDim).toBe(channels)
      expect(fetch).not.toHaveBeenCalled()
      expect(await loadBackbone(BACKBONE_LAYER)).toBe(backbone) // cached per process
      const block10 = await loadBackbone('block_10_project_BN')
      expect(block10.model.outputs[0]?.shape).toEqual([null, 14, 14, 96])
    } finally {
      fetch.mockRestore()
    }
  })

  it('refuses a layer the network does not have', async () => {
    await expect(loadBackbone('no_such_layer')).rejects.toThrow(/no layer no_such_layer/)
  })

  it('gives one finite vector per image, the same alone or in a batch', async () => {
    const { featureDim } = await loadBackbone()
    const crops = [crop(1), crop(2), crop(3)]
    const before = tf.memory().numTensors
    const batched = await extractFeatures(crops, { batchSize: 3 })
    const alone = await extractFeatures([crops[1] ?? crop(2)], { batchSize: 1 })
    expect(tf.memory().numTensors).toBe(before)
    expect(batched).toHaveLength(3)
    expect(batched.every((v) => v.every(Number.isFinite))).toBe(true)
    expect(batched[0]?.length).toBe(pooledLength(featureDim, BACKBONE_POOLING))
    const [a, b] = [batched[1] ?? [], alone[0] ?? []]
    a.forEach((x, i) => expect(x).toBeCloseTo(b[i] ?? NaN, 4))
    expect(batched[0]).not.toEqual(batched[1])
  })

  it('reads image files, stretched to 224x224', async () => {
    const dir = await tempDir()
    const paths = await Promise.all(
      [1, 2].map((seed) => writePhoto(join(dir, `p${seed}.png`), { seed, format: 'png' }))
    )
    const first = await extractFeatures(paths)
    const again = await extractFeatures(paths)
    expect(again).toEqual(first)
    expect(first[0]).not.toEqual(first[1])
  })
})
