// Backbone features of a catalogue's crops, kept on disk beside its embeddings. The backbone
// is frozen, so a crop's features never change while its box does not: a retrain computes
// them only for annotations that are new or whose box changed, which is what makes one-click
// retraining of the head fast on a laptop (the backbone is the slow part, minutes per
// thousand photos on the CPU).
import { readIndex, writeIndex } from '../index/embedding-index'
import { BACKBONE_LAYER, BACKBONE_POOLING } from './backbone'
import { DEFAULT_NORMALISATION } from './input'

/** Names the features: another layer, pooling or normalisation makes another cache. */
export const FEATURE_CACHE_ID = `features-${BACKBONE_LAYER}-${BACKBONE_POOLING}-${DEFAULT_NORMALISATION}`

export class FeatureCache {
  private dirty = false

  private constructor(
    private readonly catalogDir: string,
    private readonly vectors: Map<string, Float32Array>
  ) {}

  static async open(catalogDir: string): Promise<FeatureCache> {
    const stored = await readIndex(catalogDir, FEATURE_CACHE_ID)
    const vectors = new Map<string, Float32Array>()
    stored?.keys.forEach((key, i) => vectors.set(key, stored.vectors[i] as Float32Array))
    return new FeatureCache(catalogDir, vectors)
  }

  get(key: string): Float32Array | undefined {
    return this.vectors.get(key)
  }

  set(key: string, features: Float32Array): void {
    this.vectors.set(key, features)
    this.dirty = true
  }

  get size(): number {
    return this.vectors.size
  }

  /** Keeps only `keys` (the catalogue's current crops) and writes the cache if it changed. */
  async save(keys: Iterable<string>): Promise<void> {
    const wanted = new Set(keys)
    for (const key of this.vectors.keys()) {
      if (!wanted.has(key)) {
        this.vectors.delete(key)
        this.dirty = true
      }
    }
    if (!this.dirty) return
    const entries = [...this.vectors]
    await writeIndex(this.catalogDir, {
      modelId: FEATURE_CACHE_ID,
      dim: entries[0]?.[1].length ?? 0,
      keys: entries.map(([key]) => key),
      vectors: entries.map(([, vector]) => vector)
    })
    this.dirty = false
  }
}
