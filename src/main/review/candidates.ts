// The suggested matches for one query: known individuals ranked by their best image's cosine
// similarity to the query, individuals the biologist already rejected for it left out, and
// new_whale placed where the model's calibrated threshold falls. The gallery (normalised
// vectors and lookups) is prepared once per catalogue revision, so a key press in review
// costs one matrix-vector product, not a pass over the catalogue.
import type { Candidate, CandidateList } from '../../shared/contract'
import type { Annotation, CatalogData, Photo } from '../../shared/domain'
import { survivorOf } from '../individuals/names'
import {
  prepareGallery,
  rankIndividuals,
  type PreparedGallery
} from '../engine/eval/rank-individuals'
import { annotationIdOf, type EmbeddingIndex } from '../engine/index/embedding-index'

export interface CandidateGallery {
  index: EmbeddingIndex
  prepared: PreparedGallery
  /** Index row of each gallery row. */
  rows: number[]
  annotations: Map<string, Annotation>
  photos: Map<string, Photo>
  names: Map<string, string>
  byIndividual: Map<string, { annotation: Annotation; photo: Photo }[]>
}

/** The assigned annotations of the index, ready to rank queries against. */
export function prepareCandidateGallery(
  data: CatalogData,
  index: EmbeddingIndex
): CandidateGallery {
  const annotations = new Map(data.annotations.map((a) => [a.id, a]))
  const photos = new Map(data.photos.map((p) => [p.id, p]))
  const rows: number[] = []
  const labels: string[] = []
  index.keys.forEach((key, row) => {
    const individualId = annotations.get(annotationIdOf(key))?.individualId
    if (!individualId) return
    rows.push(row)
    labels.push(individualId)
  })
  const prepared = prepareGallery({
    vectors: rows.map((row) => index.vectors[row] as Float32Array),
    labels
  })
  return {
    index,
    prepared,
    rows,
    annotations,
    photos,
    names: new Map(data.individuals.map((i) => [i.id, i.name])),
    byIndividual: groupByIndividual(data.annotations, photos)
  }
}

export interface CandidateInput {
  data: CatalogData
  gallery: CandidateGallery
  query: Float32Array
  annotationId: string
  threshold: number
  limit: number
}

export function candidateList(input: CandidateInput): CandidateList {
  const { data, gallery, query, annotationId, threshold, limit } = input
  const rejected = rejectedIndividuals(data, annotationId)
  const ranking = rankIndividuals(query, gallery.prepared).filter((r) => !rejected.has(r.id))
  const shown = ranking.slice(0, limit)
  const newWhaleAt = shown.findIndex((r) => r.score < threshold)
  const candidates = shown.map((r, position): Candidate => {
    const key = gallery.index.keys[gallery.rows[r.bestIndex] ?? -1] ?? ''
    const best = gallery.annotations.get(annotationIdOf(key))
    const photo = gallery.photos.get(best?.photoId ?? '')
    const own = gallery.byIndividual.get(r.id) ?? []
    const below = newWhaleAt >= 0 && position >= newWhaleAt
    return {
      individualId: r.id,
      name: gallery.names.get(r.id) ?? r.id,
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
    modelId: gallery.index.modelId,
    threshold,
    candidates,
    newWhaleAt: newWhaleAt >= 0 ? newWhaleAt : ranking.length > limit ? null : candidates.length,
    rejected: rejected.size
  }
}

/** Individuals marked "different" for this query, by decisions still in force. A rejected
 * individual merged since then counts against the one it was merged into: same whale. */
export function rejectedIndividuals(data: CatalogData, annotationId: string): Set<string> {
  const survivor = survivorOf(data)
  return new Set(
    data.decisions
      .filter(
        (d) =>
          d.queryAnnotationId === annotationId && d.verdict === 'different' && d.undoneAt === null
      )
      .map((d) => survivor(d.candidateIndividualId))
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
