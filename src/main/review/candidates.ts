// The suggested matches for one query: known individuals ranked by their best image's cosine
// similarity to the query, individuals the biologist already rejected for it left out, and
// new_whale placed where the model's calibrated threshold falls.
import type { Candidate, CandidateList } from '../../shared/contract'
import type { Annotation, CatalogData, Photo } from '../../shared/domain'
import { rankIndividuals } from '../engine/eval'
import { annotationIdOf, type EmbeddingIndex } from '../engine/index/embedding-index'

export interface CandidateInput {
  data: CatalogData
  index: EmbeddingIndex
  query: Float32Array
  annotationId: string
  threshold: number
  limit: number
}

export function candidateList(input: CandidateInput): CandidateList {
  const { data, index, query, annotationId, threshold, limit } = input
  const annotations = new Map(data.annotations.map((a) => [a.id, a]))
  const photos = new Map(data.photos.map((p) => [p.id, p]))
  const rejected = rejectedIndividuals(data, annotationId)
  const rows: number[] = []
  const labels: string[] = []
  index.keys.forEach((key, row) => {
    const individualId = annotations.get(annotationIdOf(key))?.individualId
    if (!individualId || rejected.has(individualId)) return
    rows.push(row)
    labels.push(individualId)
  })
  const ranking = rankIndividuals(query, {
    vectors: rows.map((row) => index.vectors[row] as Float32Array),
    labels
  })
  const byIndividual = groupByIndividual(data.annotations, photos)
  const shown = ranking.slice(0, limit)
  const newWhaleAt = shown.findIndex((r) => r.score < threshold)
  const candidates = shown.map((r, position): Candidate => {
    const best = annotations.get(annotationIdOf(index.keys[rows[r.bestIndex] ?? -1] ?? ''))
    const photo = photos.get(best?.photoId ?? '')
    const own = byIndividual.get(r.id) ?? []
    const below = newWhaleAt >= 0 && position >= newWhaleAt
    return {
      individualId: r.id,
      name: data.individuals.find((i) => i.id === r.id)?.name ?? r.id,
      score: r.score,
      rank: position + 1 + (below ? 1 : 0),
      sightings: new Set(own.map(({ photo: p }) => p.sightingId ?? p.id)).size,
      photos: new Set(own.map(({ photo: p }) => p.id)).size,
      annotationId: best?.id ?? '',
      photoId: photo?.id ?? '',
      fileName: photo?.fileName ?? '',
      takenAt: photo?.takenAt ?? null,
      place: photo?.gps ?? null,
      otherAnnotations: own
        .filter(({ annotation }) => annotation.id !== best?.id)
        .map(({ annotation, photo: p }) => ({
          annotationId: annotation.id,
          photoId: p.id,
          fileName: p.fileName
        }))
    }
  })
  return {
    annotationId,
    modelId: index.modelId,
    threshold,
    candidates,
    newWhaleAt: newWhaleAt >= 0 ? newWhaleAt : ranking.length > limit ? null : candidates.length,
    rejected: rejected.size
  }
}

/** Individuals marked "different" for this query, by decisions still in force. */
export function rejectedIndividuals(data: CatalogData, annotationId: string): Set<string> {
  return new Set(
    data.decisions
      .filter(
        (d) =>
          d.queryAnnotationId === annotationId && d.verdict === 'different' && d.undoneAt === null
      )
      .map((d) => d.candidateIndividualId)
  )
}

function groupByIndividual(annotations: Annotation[], photos: Map<string, Photo>) {
  const groups = new Map<string, { annotation: Annotation; photo: Photo }[]>()
  for (const annotation of annotations) {
    const photo = photos.get(annotation.photoId)
    if (!annotation.individualId || !photo) continue
    const list = groups.get(annotation.individualId) ?? []
    list.push({ annotation, photo })
    groups.set(annotation.individualId, list)
  }
  return groups
}
