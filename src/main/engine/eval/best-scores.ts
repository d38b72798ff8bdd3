import { forEachSimilarityRow, forEachUpperTile, GALLERY_TILE } from './similarity'
import type { UnitMatrix } from './vectors'

// Leave-one-out over a matrix and itself can use the symmetry of the similarities, at the
// cost of a best-score table for all queries at once; above this many entries (64 MB) the
// row-by-row path keeps memory flat instead.
const TABLE_BUDGET = 8_000_000

/**
 * visit(q, best) for each query in order, best[c] = the highest similarity of query q to a
 * photo of gallery individual c (-Infinity if none). colOf maps gallery rows to individuals
 * (-1: not an individual). leaveOneOut: queries are the gallery and q never matches itself.
 */
export function forEachBestRow(
  queries: UnitMatrix,
  gallery: UnitMatrix,
  colOf: Int32Array,
  individuals: number,
  leaveOneOut: boolean,
  visit: (q: number, best: Float64Array) => void,
  tableBudget = TABLE_BUDGET
): void {
  if (leaveOneOut && queries.rows * individuals <= tableBudget) {
    const table = symmetricTable(queries, colOf, individuals)
    for (let q = 0; q < queries.rows; q++) {
      visit(q, table.subarray(q * individuals, (q + 1) * individuals))
    }
    return
  }
  const best = new Float64Array(individuals)
  forEachSimilarityRow(queries, gallery, (q, row) => {
    best.fill(-Infinity)
    for (let j = 0; j < row.length; j++) {
      const c = colOf[j] as number
      if (c < 0 || (leaveOneOut && j === q)) continue
      const s = row[j] as number
      if (s > (best[c] as number)) best[c] = s
    }
    visit(q, best)
  })
}

function symmetricTable(matrix: UnitMatrix, colOf: Int32Array, individuals: number) {
  const table = new Float64Array(matrix.rows * individuals).fill(-Infinity)
  forEachUpperTile(matrix, (i0, rows, j0, columns, tile) => {
    for (let i = 0; i < rows; i++) {
      const a = i0 + i
      const ca = colOf[a] as number
      const rowA = a * individuals
      const t = i * GALLERY_TILE - j0
      for (let b = Math.max(j0, a + 1); b < j0 + columns; b++) {
        const s = tile[t + b] as number
        const cb = colOf[b] as number
        if (cb >= 0 && s > (table[rowA + cb] as number)) table[rowA + cb] = s
        if (ca >= 0 && s > (table[b * individuals + ca] as number)) table[b * individuals + ca] = s
      }
    }
  })
  return table
}
