import { forEachSimilarityRow } from './similarity'
import { NEW_WHALE, unitRows, type UnitMatrix, type Vectors } from './vectors'

/** One label per photo; dim, if given, is checked (a flat array's is length / labels). */
export type Gallery = { vectors: Vectors; labels: readonly string[]; dim?: number }

/** A gallery normalised once, for ranking many queries against it. */
export type PreparedGallery = { matrix: UnitMatrix; labels: readonly string[] }

export type RankedIndividual = {
  id: string
  /** Cosine similarity of the individual's best photo. */
  score: number
  /** Gallery index of that photo. */
  bestIndex: number
  /** 1-based rank counting ties against it: individuals scoring >= this one, itself included.
   * Use it, not the list position, to score a truth, as evaluate.py does. */
  rank: number
}

export function prepareGallery(gallery: Gallery | PreparedGallery): PreparedGallery {
  if ('matrix' in gallery) return gallery
  const matrix = unitRows(gallery.vectors, gallery.labels.length, gallery.dim)
  return { matrix, labels: gallery.labels }
}

/**
 * Individuals ranked by the cosine similarity of their best photo to the query, best first;
 * equal scores in id order. new_whale photos are not individuals and never appear; exclude
 * leaves out one gallery index (the query itself, for leave-one-out).
 */
export function rankIndividuals(
  query: Float32Array,
  gallery: Gallery | PreparedGallery,
  exclude?: number
): RankedIndividual[] {
  const { matrix, labels } = prepareGallery(gallery)
  const best = new Map<string, { score: number; bestIndex: number }>()
  forEachSimilarityRow(unitRows(query, 1), matrix, (_, row) => {
    row.forEach((score, j) => {
      const id = labels[j] as string
      if (j === exclude || id === NEW_WHALE) return
      const seen = best.get(id)
      if (!seen || score > seen.score) best.set(id, { score, bestIndex: j })
    })
  })
  const ranked = [...best].map(([id, b]) => ({ id, ...b, rank: 0 }))
  ranked.sort((a, b) => b.score - a.score || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
  // Walk back from the end so each tie group takes the rank of its last member.
  for (let i = ranked.length - 1; i >= 0; i--) {
    const r = ranked[i] as RankedIndividual
    const next = ranked[i + 1]
    r.rank = next && next.score === r.score ? next.rank : i + 1
  }
  return ranked
}
