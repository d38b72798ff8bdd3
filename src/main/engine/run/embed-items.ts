// Embeds a list of items with a saved model: crops at the model's own input, then batches.
import type * as tf from '@tensorflow/tfjs'
import { CropStore } from '../data/crop-store'
import { embedCrops } from '../data/batches'
import type { TrainingItem } from '../data/training-items'
import type { ModelRecord } from '../store/model-record'

export interface EmbeddedItems {
  /** Same order as the items; null where the crop failed (see failures). */
  vectors: (Float32Array | null)[]
  failures: { key: string; reason: string }[]
}

export async function embedItems(
  model: tf.LayersModel,
  record: ModelRecord,
  items: TrainingItem[],
  options: {
    signal?: AbortSignal
    onProgress?: (stage: string, done: number, total: number) => void
  } = {}
): Promise<EmbeddedItems> {
  const store = await CropStore.load(items, record.input, {
    signal: options.signal,
    onProgress: (done, total) => options.onProgress?.('cropping', done, total)
  })
  const usable = items.flatMap((_, index) => (store.has(index) ? [index] : []))
  const embedded = await embedCrops(model, store, usable, {
    signal: options.signal,
    onProgress: (done, total) => options.onProgress?.('embedding', done, total)
  })
  const vectors: (Float32Array | null)[] = items.map(() => null)
  usable.forEach((index, row) => (vectors[index] = embedded[row] ?? null))
  return { vectors, failures: store.failures }
}
