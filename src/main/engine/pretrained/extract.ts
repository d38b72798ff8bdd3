// Pooled backbone features for image files or decoded crops: the embedding with no training.
import * as tf from '@tensorflow/tfjs'
import { BACKBONE_LAYER, BACKBONE_POOLING, loadBackbone } from './backbone'
import { DEFAULT_NORMALISATION, decodeForBackbone, toBatch, type Normalisation } from './input'
import { pool, type Pooling } from './pooling'
import { letOthersRun } from '../backend/event-loop'

export interface ExtractOptions {
  layer?: string
  pooling?: Pooling
  normalisation?: Normalisation
  /** Images per forward pass; 8 keeps the wasm heap small even at early, large layers. */
  batchSize?: number
  signal?: AbortSignal
  onProgress?: (done: number, total: number) => void
}

/**
 * One vector per image, in order. `images` are paths (decoded with sharp, stretched to 224x224)
 * or 224x224x3 RGB bytes already cropped.
 */
export async function extractFeatures(
  images: readonly string[] | readonly Uint8Array[],
  options: ExtractOptions = {}
): Promise<Float32Array[]> {
  const { model } = await loadBackbone(options.layer ?? BACKBONE_LAYER)
  const pooling = options.pooling ?? BACKBONE_POOLING
  const normalisation = options.normalisation ?? DEFAULT_NORMALISATION
  const batchSize = Math.max(1, options.batchSize ?? 8)
  const vectors: Float32Array[] = []
  for (let start = 0; start < images.length; start += batchSize) {
    await letOthersRun()
    options.signal?.throwIfAborted()
    const chunk: readonly (string | Uint8Array)[] = images.slice(start, start + batchSize)
    const pixels = await Promise.all(
      chunk.map(async (image) => (typeof image === 'string' ? decodeForBackbone(image) : image))
    )
    const pooled = tf.tidy(() =>
      pool(model.predict(toBatch(pixels, normalisation)) as tf.Tensor4D, pooling)
    )
    const flat = await pooled.data()
    pooled.dispose()
    const dim = flat.length / pixels.length
    for (let i = 0; i < pixels.length; i++) {
      vectors.push(Float32Array.from(flat.subarray(i * dim, (i + 1) * dim)))
    }
    options.onProgress?.(vectors.length, images.length)
  }
  return vectors
}
