// Ranks the catalogue's individuals for one query embedding: cosine similarity to every
// assigned annotation, an individual scored by its best image, new_whale inserted where the
// best score falls below the model's threshold.
import type { CatalogData } from '../../../shared/domain'
import { NEW_WHALE, predictWithThreshold, rankIndividuals } from '../eval'
import { annotationIdOf, type EmbeddingIndex } from '../index/embedding-index'

export interface MatchCandidate {
  individualId: string
  name: string
  score: number
  /** The individual's image that matched best. */
  annotationId: string
  photoId: string
  fileName: string
}

export interface MatchResult {
  candidates: MatchCandidate[]
  /** Top 5 names with new_whale at its place, as a Kaggle submission row. */
  prediction: string[]
  threshold: number
}

export function matchQuery(
  query: Float32Array,
  index: EmbeddingIndex,
  data: CatalogData,
  threshold: number,
  options: { limit?: number; excludeAnnotationId?: string } = {}
): MatchResult {
  const annotations = new Map(data.annotations.map((a) => [a.id, a]))
  const photos = new Map(data.photos.map((p) => [p.id, p]))
  const names = new Map(data.individuals.map((i) => [i.id, i.name]))
  const rows: number[] = []
  index.keys.forEach((key, row) => {
    const id = annotationIdOf(key)
    if (id !== options.excludeAnnotationId && annotations.get(id)?.individualId) rows.push(row)
  })
  const labels = rows.map(
    (row) => annotations.get(annotationIdOf(index.keys[row] ?? ''))?.individualId ?? NEW_WHALE
  )
  const ranking = rankIndividuals(query, {
    vectors: rows.map((row) => index.vectors[row] as Float32Array),
    labels
  })
  const candidates = ranking.slice(0, options.limit ?? 5).map((r): MatchCandidate => {
    const annotationId = annotationIdOf(index.keys[rows[r.bestIndex] ?? -1] ?? '')
    const photo = photos.get(annotations.get(annotationId)?.photoId ?? '')
    return {
      individualId: r.id,
      name: names.get(r.id) ?? r.id,
      score: r.score,
      annotationId,
      photoId: photo?.id ?? '',
      fileName: photo?.fileName ?? ''
    }
  })
  const prediction = predictWithThreshold(
    ranking.map((r) => ({ id: names.get(r.id) ?? r.id, score: r.score })),
    threshold
  )
  return { candidates, prediction, threshold }
}
