import type { UnitMatrix } from './vectors'

// Queries per block and gallery rows per tile: a tile (256 x D doubles) stays in cache while
// every query of the block passes over it.
export const QUERY_BLOCK = 64
export const GALLERY_TILE = 256

/**
 * Calls visit(q, row) for each query q in order, with row[j] = cosine similarity of query q
 * and gallery row j (both already unit length). row is reused between calls.
 * Memory: one block of QUERY_BLOCK x gallery rows doubles, whatever the number of queries.
 */
export function forEachSimilarityRow(
  queries: UnitMatrix,
  gallery: UnitMatrix,
  visit: (q: number, row: Float64Array) => void
): void {
  if (queries.dim !== gallery.dim) {
    throw new RangeError(`queries have ${queries.dim} dimensions, the gallery ${gallery.dim}`)
  }
  const n = gallery.rows
  const block = new Float64Array(Math.min(QUERY_BLOCK, queries.rows) * n)
  for (let q0 = 0; q0 < queries.rows; q0 += QUERY_BLOCK) {
    const count = Math.min(QUERY_BLOCK, queries.rows - q0)
    for (let j0 = 0; j0 < n; j0 += GALLERY_TILE) {
      dotTile(queries, q0, count, gallery, j0, Math.min(n, j0 + GALLERY_TILE), block, n, 0)
    }
    for (let i = 0; i < count; i++) visit(q0 + i, block.subarray(i * n, (i + 1) * n))
  }
}

/**
 * A matrix's similarities with itself, upper triangle only, tile by tile: visit gets
 * tile[i * GALLERY_TILE + (j - j0)] = sim(i0 + i, j). Every pair i < j comes exactly once
 * with i on the rows; tiles straddling the diagonal also hold pairs with j <= i, which the
 * visitor skips. About half the work of forEachSimilarityRow, with identical values: each is
 * summed in the same order either way.
 */
export function forEachUpperTile(
  matrix: UnitMatrix,
  visit: (i0: number, rows: number, j0: number, columns: number, tile: Float64Array) => void
): void {
  const n = matrix.rows
  const tile = new Float64Array(QUERY_BLOCK * GALLERY_TILE)
  for (let i0 = 0; i0 < n; i0 += QUERY_BLOCK) {
    const rows = Math.min(QUERY_BLOCK, n - i0)
    const first = Math.floor(i0 / GALLERY_TILE) * GALLERY_TILE
    for (let j0 = first; j0 < n; j0 += GALLERY_TILE) {
      const j1 = Math.min(n, j0 + GALLERY_TILE)
      dotTile(matrix, i0, rows, matrix, j0, j1, tile, GALLERY_TILE, j0)
      visit(i0, rows, j0, j1 - j0, tile)
    }
  }
}

/** out[i * stride + j - base] = queries[q0 + i] . gallery[j] for j in [j0, j1). Four query
 * rows by two gallery rows at a time: each value loaded serves several products. */
function dotTile(
  queries: UnitMatrix,
  q0: number,
  count: number,
  gallery: UnitMatrix,
  j0: number,
  j1: number,
  out: Float64Array,
  stride: number,
  base: number
): void {
  const { dim } = queries
  const qd = queries.data
  const gd = gallery.data
  let i = 0
  for (; i + 4 <= count; i += 4) {
    const a0 = (q0 + i) * dim
    const a1 = a0 + dim
    const a2 = a1 + dim
    const a3 = a2 + dim
    const o = i * stride - base
    let j = j0
    for (; j + 2 <= j1; j += 2) {
      const b = j * dim
      const c = b + dim
      let s0 = 0
      let s1 = 0
      let s2 = 0
      let s3 = 0
      let t0 = 0
      let t1 = 0
      let t2 = 0
      let t3 = 0
      for (let k = 0; k < dim; k++) {
        const g = gd[b + k] as number
        const h = gd[c + k] as number
        const x0 = qd[a0 + k] as number
        const x1 = qd[a1 + k] as number
        const x2 = qd[a2 + k] as number
        const x3 = qd[a3 + k] as number
        s0 += x0 * g
        s1 += x1 * g
        s2 += x2 * g
        s3 += x3 * g
        t0 += x0 * h
        t1 += x1 * h
        t2 += x2 * h
        t3 += x3 * h
      }
      out[o + j] = s0
      out[o + stride + j] = s1
      out[o + 2 * stride + j] = s2
      out[o + 3 * stride + j] = s3
      out[o + j + 1] = t0
      out[o + stride + j + 1] = t1
      out[o + 2 * stride + j + 1] = t2
      out[o + 3 * stride + j + 1] = t3
    }
    for (; j < j1; j++)
      for (let r = 0; r < 4; r++) out[o + r * stride + j] = dot(qd, a0 + r * dim, gd, j * dim, dim)
  }
  for (; i < count; i++) {
    const o = i * stride - base
    for (let j = j0; j < j1; j++) out[o + j] = dot(qd, (q0 + i) * dim, gd, j * dim, dim)
  }
}

function dot(x: Float64Array, a: number, y: Float64Array, b: number, dim: number): number {
  let s = 0
  for (let k = 0; k < dim; k++) s += (x[a + k] as number) * (y[b + k] as number)
  return s
}
