// 2-D projections of embedding vectors for the embedding map. UMAP keeps neighbourhoods (what
// a mislabelled photo breaks); it needs a dozen or more points to have neighbourhoods at all,
// so smaller sets get PCA. Both are seeded or deterministic: the same vectors draw the same map.
import { UMAP } from 'umap-js'
import { mulberry32 } from '../random'

export type ProjectionMethod = 'umap' | 'pca'

/** Fewer points than this are projected with PCA. */
export const MIN_UMAP_POINTS = 15

export interface ProjectOptions {
  seed?: number
  signal?: AbortSignal
  /** UMAP's epochs done out of the total. */
  onProgress?: (done: number, total: number) => void
}

/** Coordinates scaled into [0, 1] on both axes (aspect kept), in the input's order. */
export async function project(
  vectors: Float32Array[],
  options: ProjectOptions = {}
): Promise<{ method: ProjectionMethod; coords: [number, number][] }> {
  if (vectors.length < MIN_UMAP_POINTS) return { method: 'pca', coords: normalise(pca2(vectors)) }
  const umap = new UMAP({
    nComponents: 2,
    nNeighbors: Math.min(15, vectors.length - 1),
    minDist: 0.1,
    random: mulberry32(options.seed ?? 7)
  })
  const rows = vectors.map((v) => Array.from(v))
  const epochs = umap.initializeFit(rows)
  for (let epoch = 0; epoch < epochs; epoch++) {
    if (options.signal?.aborted) throw new Error('cancelled')
    umap.step()
    if (epoch % 20 === 0) {
      options.onProgress?.(epoch, epochs)
      // Let the rest of the app answer between epochs: this runs in the main process.
      await new Promise((resolve) => setImmediate(resolve))
    }
  }
  const coords = umap.getEmbedding().map((p): [number, number] => [p[0] ?? 0, p[1] ?? 0])
  return { method: 'umap', coords: normalise(coords) }
}

/** The first two principal components, by power iteration on the centred data. */
export function pca2(vectors: Float32Array[]): [number, number][] {
  const n = vectors.length
  const dim = vectors[0]?.length ?? 0
  if (n === 0) return []
  const mean = new Float64Array(dim)
  for (const v of vectors) for (let d = 0; d < dim; d++) mean[d] = (mean[d] ?? 0) + (v[d] ?? 0) / n
  const centred = vectors.map((v) => Float64Array.from(v, (x, d) => x - (mean[d] ?? 0)))
  const first = component(centred, [])
  const second = component(centred, [first])
  return centred.map((row): [number, number] => [dot(row, first), dot(row, second)])
}

function component(rows: Float64Array[], orthogonalTo: Float64Array[]): Float64Array {
  const dim = rows[0]?.length ?? 0
  // A fixed start (not random) keeps PCA deterministic; slightly uneven so it is unlikely to
  // be orthogonal to the answer.
  let v = Float64Array.from({ length: dim }, (_, d) => 1 + d / (dim + 1))
  for (let iteration = 0; iteration < 100; iteration++) {
    const next = new Float64Array(dim)
    for (const row of rows) {
      const along = dot(row, v)
      for (let d = 0; d < dim; d++) next[d] = (next[d] ?? 0) + along * (row[d] ?? 0)
    }
    for (const u of orthogonalTo) {
      const along = dot(next, u)
      for (let d = 0; d < dim; d++) next[d] = (next[d] ?? 0) - along * (u[d] ?? 0)
    }
    const norm = Math.sqrt(dot(next, next))
    // No variance left in this direction (e.g. all points on a line): a flat axis.
    if (norm < 1e-9) return new Float64Array(dim)
    v = next.map((x) => x / norm)
  }
  return v
}

function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let sum = 0
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0)
  return sum
}

/** Into [0, 1] with the aspect kept and the shorter axis centred; one point sits in the middle. */
export function normalise(coords: [number, number][]): [number, number][] {
  if (coords.length === 0) return []
  const xs = coords.map((c) => c[0])
  const ys = coords.map((c) => c[1])
  const [minX, maxX, minY, maxY] = [
    Math.min(...xs),
    Math.max(...xs),
    Math.min(...ys),
    Math.max(...ys)
  ]
  const span = Math.max(maxX - minX, maxY - minY)
  if (!(span > 0)) return coords.map(() => [0.5, 0.5])
  const offX = (span - (maxX - minX)) / 2
  const offY = (span - (maxY - minY)) / 2
  return coords.map(([x, y]) => [(x - minX + offX) / span, (y - minY + offY) / span])
}

/**
 * For each vector, the row of its nearest other vector by cosine similarity (-1 if alone).
 * Exact and quadratic, so it yields to the event loop every few rows and can be cancelled.
 */
export async function nearestNeighbours(
  vectors: Float32Array[],
  signal?: AbortSignal
): Promise<number[]> {
  const unit = vectors.map((v) => {
    const norm = Math.sqrt(dot(v, v)) || 1
    return Float32Array.from(v, (x) => x / norm)
  })
  const best = unit.map(() => -1)
  const score = unit.map(() => -Infinity)
  for (let i = 0; i < unit.length; i++) {
    if (i % 100 === 99) {
      if (signal?.aborted) throw new Error('cancelled')
      await new Promise((resolve) => setImmediate(resolve))
    }
    for (let j = i + 1; j < unit.length; j++) {
      const s = dot(unit[i] as Float32Array, unit[j] as Float32Array)
      if (s > (score[i] ?? -Infinity)) [score[i], best[i]] = [s, j]
      if (s > (score[j] ?? -Infinity)) [score[j], best[j]] = [s, i]
    }
  }
  return best
}
