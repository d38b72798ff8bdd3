// Turns stored crops into input tensors: standardised, augmented for training, batched for
// embedding so memory stays bounded whatever the number of crops.
import * as tf from '@tensorflow/tfjs'
import { augment, standardise } from './augment'
import type { CropStore } from './crop-store'
import { letOthersRun } from '../backend/event-loop'

export function inputBatch(
  store: CropStore,
  indices: number[],
  random: (() => number) | null
): tf.Tensor4D {
  const { width, height, channels } = store.spec
  const size = width * height * channels
  const data = new Float32Array(indices.length * size)
  indices.forEach((index, row) => {
    const image = standardise(store.pixels(index))
    data.set(random ? augment(image, width, height, channels, random) : image, row * size)
  })
  return tf.tensor4d(data, [indices.length, height, width, channels])
}

/** Unit-length embeddings of the given crops, one Float32Array each. */
export async function embedCrops(
  model: tf.LayersModel,
  store: CropStore,
  indices: number[],
  options: {
    batchSize?: number
    signal?: AbortSignal
    onProgress?: (done: number, total: number) => void
  } = {}
): Promise<Float32Array[]> {
  const batchSize = options.batchSize ?? 32
  const out: Float32Array[] = []
  for (let start = 0; start < indices.length; start += batchSize) {
    await letOthersRun()
    options.signal?.throwIfAborted()
    const chunk = indices.slice(start, start + batchSize)
    // Both model kinds end in an L2Normalize layer: the output is already unit length.
    const result = tf.tidy(() => model.predict(inputBatch(store, chunk, null)) as tf.Tensor2D)
    const flat = (await result.data()) as Float32Array
    const dim = result.shape[1] ?? 0
    result.dispose()
    for (let row = 0; row < chunk.length; row++) out.push(flat.slice(row * dim, (row + 1) * dim))
    options.onProgress?.(Math.min(start + batchSize, indices.length), indices.length)
  }
  return out
}
