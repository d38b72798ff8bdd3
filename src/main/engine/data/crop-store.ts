// Crops at the model's input size, decoded once and kept as bytes (a 96 x 96 grey crop is
// 9 KB: 10,000 of them are 90 MB), so training never decodes a JPEG twice.
import { cropAnnotation, type CropSpec } from '../preprocess/crop'
import { errorMessage } from '../../errors'
import type { TrainingItem } from './training-items'

/** Above this the store refuses, rather than let a huge catalogue exhaust memory. */
export const MAX_STORE_BYTES = 2 * 2 ** 30

export interface CropFailure {
  key: string
  reason: string
}

export class CropStore {
  private readonly crops: (Uint8Array | null)[]

  private constructor(
    readonly spec: CropSpec,
    crops: (Uint8Array | null)[],
    readonly failures: CropFailure[]
  ) {
    this.crops = crops
  }

  static async load(
    items: TrainingItem[],
    spec: CropSpec,
    options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}
  ): Promise<CropStore> {
    const bytes = items.length * spec.width * spec.height * spec.channels
    if (bytes > MAX_STORE_BYTES) {
      throw new Error(
        `${items.length} crops at ${spec.width}x${spec.height}x${spec.channels} need ${Math.round(bytes / 2 ** 20)} MB; use a smaller input size`
      )
    }
    const crops: (Uint8Array | null)[] = new Array<Uint8Array | null>(items.length).fill(null)
    const failures: CropFailure[] = []
    let next = 0
    let done = 0
    const worker = async () => {
      for (let i = next++; i < items.length; i = next++) {
        options.signal?.throwIfAborted()
        const item = items[i] as TrainingItem
        try {
          crops[i] = await cropAnnotation(item, spec)
        } catch (error) {
          failures.push({ key: item.key, reason: errorMessage(error) })
        }
        options.onProgress?.(++done, items.length)
      }
    }
    await Promise.all([worker(), worker()])
    return new CropStore(spec, crops, failures)
  }

  get size(): number {
    return this.crops.length
  }

  has(index: number): boolean {
    return this.crops[index] != null
  }

  pixels(index: number): Uint8Array {
    const crop = this.crops[index]
    if (!crop) throw new Error(`no crop for item ${index}`)
    return crop
  }
}
