// A catalogue's embeddings for one model: vectors in binary (embeddings/<model>.f32) beside a
// small JSON index of which annotation (and which version of its box) each row is. Updating
// embeds only annotations that are new or changed, and drops rows of deleted ones.
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CatalogData } from '../../../shared/domain'
import type { TrainingItem } from '../data/training-items'
import { embedItems } from '../run/embed-items'
import type { Embedder } from '../run/embedder'

export interface EmbeddingIndex {
  modelId: string
  dim: number
  /** `<annotation id>@<updatedAt>`: a changed box gives a new key, so it is embedded again. */
  keys: string[]
  vectors: Float32Array[]
}

const keyOf = (annotation: { id: string; updatedAt: string }) =>
  `${annotation.id}@${annotation.updatedAt}`
export const annotationIdOf = (key: string) => key.slice(0, key.lastIndexOf('@'))

function files(catalogDir: string, modelId: string) {
  const dir = join(catalogDir, 'embeddings')
  return { dir, vectors: join(dir, `${modelId}.f32`), index: join(dir, `${modelId}.json`) }
}

export async function readIndex(
  catalogDir: string,
  modelId: string
): Promise<EmbeddingIndex | null> {
  const paths = files(catalogDir, modelId)
  try {
    const meta = JSON.parse(await readFile(paths.index, 'utf8')) as {
      dim: number
      keys: string[]
      sha256?: string
    }
    const bytes = await readFile(paths.vectors)
    // A process killed between the two renames leaves new vectors beside the old keys: the
    // checksum tells, and the index is then rebuilt rather than misread.
    if (meta.sha256 !== undefined && sha256(bytes) !== meta.sha256) return null
    const flat = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4)
    if (flat.length !== meta.keys.length * meta.dim) return null
    const vectors = meta.keys.map((_, i) => flat.slice(i * meta.dim, (i + 1) * meta.dim))
    return { modelId, dim: meta.dim, keys: meta.keys, vectors }
  } catch {
    return null
  }
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

export async function writeIndex(catalogDir: string, index: EmbeddingIndex): Promise<void> {
  const paths = files(catalogDir, index.modelId)
  await mkdir(paths.dir, { recursive: true })
  const flat = new Float32Array(index.keys.length * index.dim)
  index.vectors.forEach((v, i) => flat.set(v, i * index.dim))
  // Vectors first, then the index that names them: a reader that finds the new index also
  // finds vectors of the right length (checked on read).
  await writeFile(`${paths.vectors}.tmp`, Buffer.from(flat.buffer))
  await rename(`${paths.vectors}.tmp`, paths.vectors)
  const meta = { dim: index.dim, keys: index.keys, sha256: sha256(Buffer.from(flat.buffer)) }
  await writeFile(`${paths.index}.tmp`, JSON.stringify(meta))
  await rename(`${paths.index}.tmp`, paths.index)
}

/**
 * Starts a model's index from embeddings computed elsewhere (by its training run, which had
 * every crop in hand), keyed by `<annotation id>@<updatedAt>` as the catalogue was then.
 */
export async function seedIndex(
  catalogDir: string,
  modelId: string,
  dim: number,
  entries: { annotation: { id: string; updatedAt: string }; vector: Float32Array }[]
): Promise<void> {
  await writeIndex(catalogDir, {
    modelId,
    dim,
    keys: entries.map((e) => keyOf(e.annotation)),
    vectors: entries.map((e) => e.vector)
  })
}

/** Brings the index up to date with the catalogue's annotations; returns it. */
export async function updateIndex(
  catalogDir: string,
  data: CatalogData,
  embedder: Embedder,
  options: {
    signal?: AbortSignal
    onProgress?: (stage: string, done: number, total: number) => void
  } = {}
): Promise<EmbeddingIndex & { embedded: number }> {
  const { record } = embedder
  const old = await readIndex(catalogDir, record.id)
  const known = new Map((old?.keys ?? []).map((key, i) => [key, old?.vectors[i] as Float32Array]))
  const photos = new Map(data.photos.map((p) => [p.id, p]))
  const wanted = data.annotations.filter((a) => photos.has(a.photoId))
  const missing = wanted.filter((a) => !known.has(keyOf(a)))
  const items: TrainingItem[] = missing.map((a) => ({
    key: keyOf(a),
    path: photos.get(a.photoId)?.originalPath ?? '',
    box: a.box,
    rotation: a.rotation,
    label: null
  }))
  const fresh = items.length ? await embedItems(embedder, items, options) : { vectors: [] }
  fresh.vectors.forEach((v, i) => v && known.set(items[i]?.key ?? '', v))
  const keys = wanted.map(keyOf).filter((key) => known.has(key))
  const index = {
    modelId: record.id,
    dim: record.embedding,
    keys,
    vectors: keys.map((k) => known.get(k) as Float32Array)
  }
  const changed = missing.length > 0 || keys.length !== (old?.keys.length ?? -1)
  if (changed) await writeIndex(catalogDir, index)
  return { ...index, embedded: missing.length }
}
