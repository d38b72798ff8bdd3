import { forEachBestRow } from './best-scores'
import { NEW_WHALE, type UnitMatrix } from './vectors'

/** Per query, what evaluate.py's rank_individuals returns. */
export type QueryScores = {
  /** 1-based rank of the query's own whale among individuals, ties counted against it
   * (every individual scoring >= it ranks ahead); Infinity when the truth is new_whale. */
  ranks: Float64Array
  /** The best 5 individual scores, row-major [query, 5], padded with -Infinity. */
  top5: Float64Array
  /** The whale, or new_whale when no other photo of it is in the gallery. */
  truths: string[]
}

/**
 * Each query against a gallery, individuals scored by their best photo's cosine similarity.
 * leaveOneOut: queries are the gallery itself and a photo never matches itself; a whale's
 * only photo then has truth new_whale, yet stays in the gallery for the others. new_whale
 * photos are never in the gallery.
 */
export function scoreQueries(
  queries: UnitMatrix,
  queryLabels: readonly string[],
  gallery: UnitMatrix,
  galleryLabels: readonly string[],
  leaveOneOut: boolean
): QueryScores {
  const column = new Map<string, number>()
  const count: number[] = []
  const colOf = Int32Array.from(galleryLabels, (label) => {
    if (label === NEW_WHALE) return -1
    let c = column.get(label)
    if (c === undefined) column.set(label, (c = column.size))
    count[c] = (count[c] ?? 0) + 1
    return c
  })
  const ranks = new Float64Array(queries.rows).fill(Infinity)
  const top5 = new Float64Array(queries.rows * 5)
  const truths: string[] = []
  forEachBestRow(queries, gallery, colOf, column.size, leaveOneOut, (q, best) => {
    topFive(best, top5, q * 5)
    const label = queryLabels[q] ?? NEW_WHALE
    const own = column.get(label)
    const others = own === undefined ? 0 : (count[own] ?? 0) - (leaveOneOut ? 1 : 0)
    if (label === NEW_WHALE || own === undefined || others < 1) {
      truths.push(NEW_WHALE)
      return
    }
    truths.push(label)
    const t = best[own] as number
    let rank = 0
    for (let c = 0; c < best.length; c++) if ((best[c] as number) >= t) rank++
    ranks[q] = rank
  })
  return { ranks, top5, truths }
}

/** The 5 largest values, descending, -Infinity padded, written to out[at .. at + 5). */
function topFive(values: Float64Array, out: Float64Array, at: number): void {
  out.fill(-Infinity, at, at + 5)
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number
    if (!(v > (out[at + 4] as number))) continue
    let p = at + 4
    while (p > at && v > (out[p - 1] as number)) {
      out[p] = out[p - 1] as number
      p--
    }
    out[p] = v
  }
}
