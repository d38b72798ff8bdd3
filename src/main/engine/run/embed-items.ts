// Embeds a list of items with a model: crops at the model's own input, then batches.
import { CropStore } from '../data/crop-store'
import type { TrainingItem } from '../data/training-items'
import type { Embedder } from './embedder'

export interface EmbeddedItems {
  /** Same order as the items; null where the crop failed (see failures). */
  vectors: (Float32Array | null)[]
  failures: { key: string; reason: string }[]
}

/** Crops are made in slices, so a whole catalogue's pixels are never in memory at once. */
const SLICE = 512

export async function embedItems(
  embedder: Embedder,
  items: TrainingItem[],
  options: {
    signal?: AbortSignal
    onProgress?: (stage: string, done: number, total: number) => void
  } = {}
): Promise<EmbeddedItems> {
  const vectors: (Float32Array | null)[] = items.map(() => null)
  const failures: { key: string; reason: string }[] = []
  for (let start = 0; start < items.length; start += SLICE) {
    const slice = items.slice(start, start + SLICE)
    const store = await CropStore.load(slice, embedder.spec, { signal: options.signal })
    failures.push(...store.failures)
    const usable = slice.flatMap((_, index) => (store.has(index) ? [index] : []))
    const embedded = await embedder.embed(store, usable, options.signal)
    usable.forEach((index, row) => (vectors[start + index] = embedded[row] ?? null))
    options.onProgress?.('embedding', Math.min(start + SLICE, items.length), items.length)
  }
  return { vectors, failures }
}
