// The catalogue's current model, loaded once, and its embeddings of the catalogue. Matching a
// query reads vectors from here; a query not embedded yet (just imported, box just changed)
// is embedded on demand, so review never waits for a whole re-embedding.
import { join } from 'node:path'
import type { Catalog } from '../catalog/catalog'
import type { TrainingItem } from '../engine/data/training-items'
import {
  annotationIdOf,
  readIndex,
  updateIndex,
  type EmbeddingIndex
} from '../engine/index/embedding-index'
import { embedItems } from '../engine/run/embed-items'
import { loadEmbedder, type Embedder } from '../engine/run/embedder'
import { UserError } from '../errors'

export interface EmbedProgress {
  signal?: AbortSignal
  onProgress?: (stage: string, done: number, total: number) => void
}

export class EngineSession {
  private loaded: { dir: string; modelId: string; embedder: Promise<Embedder> } | null = null
  private index: EmbeddingIndex | null = null

  /** The current model of `catalog`, loaded on first use; a clear error when there is none. */
  async embedder(catalog: Catalog): Promise<Embedder> {
    const version = currentModel(catalog)
    if (this.loaded?.modelId !== version.id || this.loaded.dir !== catalog.dir) {
      this.release()
      const embedder = loadEmbedder(join(catalog.dir, 'models', version.dir))
      this.loaded = { dir: catalog.dir, modelId: version.id, embedder }
      embedder.catch(() => (this.loaded = null))
    }
    return this.loaded.embedder
  }

  /** Embeds what is new or changed in the catalogue with the current model. */
  async refresh(
    catalog: Catalog,
    progress: EmbedProgress = {}
  ): Promise<EmbeddingIndex & { embedded: number }> {
    const embedder = await this.embedder(catalog)
    const index = await updateIndex(catalog.dir, catalog.data, embedder, progress)
    this.index = index
    return index
  }

  /** The stored embeddings of the current model (possibly behind the catalogue). */
  async currentIndex(catalog: Catalog): Promise<EmbeddingIndex> {
    const version = currentModel(catalog)
    if (this.index?.modelId !== version.id) {
      this.index = (await readIndex(catalog.dir, version.id)) ?? {
        modelId: version.id,
        dim: 0,
        keys: [],
        vectors: []
      }
    }
    return this.index
  }

  /** The query's vector: from the index when its box has not changed, else embedded now. */
  async vectorFor(catalog: Catalog, annotationId: string): Promise<Float32Array> {
    const annotation = catalog.data.annotations.find((a) => a.id === annotationId)
    const photo = catalog.data.photos.find((p) => p.id === annotation?.photoId)
    if (!annotation || !photo) throw new UserError(`No annotation ${annotationId}`, 'not-found')
    const index = await this.currentIndex(catalog)
    const key = `${annotation.id}@${annotation.updatedAt}`
    const row = index.keys.indexOf(key)
    if (row >= 0) return index.vectors[row] as Float32Array
    const item: TrainingItem = {
      key,
      path: photo.originalPath,
      box: annotation.box,
      rotation: annotation.rotation,
      label: null
    }
    const { vectors } = await embedItems(await this.embedder(catalog), [item])
    const vector = vectors[0]
    if (!vector) throw new UserError(`${photo.fileName} could not be read to match it`, 'conflict')
    return vector
  }

  /** Vectors of the current index by annotation id (for scoring it on a validation split). */
  async vectorsById(catalog: Catalog): Promise<Map<string, Float32Array>> {
    const index = await this.currentIndex(catalog)
    return new Map(
      index.keys.map((key, i) => [annotationIdOf(key), index.vectors[i] as Float32Array])
    )
  }

  /** Forget the loaded model (another catalogue, or a new current model). */
  release(): void {
    const old = this.loaded
    this.loaded = null
    this.index = null
    void old?.embedder.then((e) => e.dispose()).catch(() => undefined)
  }
}

export function currentModel(catalog: Catalog) {
  const id = catalog.data.currentModelId
  const version = catalog.data.models.find((m) => m.id === id)
  if (!version) {
    throw new UserError(
      'There is no model yet: press Retrain on the Models page (or "Use the built-in model") to make one',
      'conflict'
    )
  }
  return version
}
