// One row per annotation with everything an export writes about it: its photo, individual,
// sighting and the assignment that put it there (who confirmed it, when, with which model).
import type {
  Annotation,
  Assignment,
  CatalogData,
  Individual,
  Photo,
  Sighting
} from '../../shared/domain'

export interface AnnotationRow {
  annotation: Annotation
  photo: Photo
  individual: Individual | null
  sighting: Sighting | null
  /** The newest assignment that gave the annotation its current individual. */
  confirmed: Assignment | null
}

/** Sorted by individual name (unassigned last), then time taken, then file name. */
export function annotationRows(data: CatalogData): AnnotationRow[] {
  const photos = new Map(data.photos.map((p) => [p.id, p]))
  const individuals = new Map(data.individuals.map((i) => [i.id, i]))
  const sightings = new Map(data.sightings.map((s) => [s.id, s]))
  const latest = new Map<string, Assignment>()
  for (const assignment of data.assignments) {
    const seen = latest.get(assignment.annotationId)
    if (!seen || seen.at <= assignment.at) latest.set(assignment.annotationId, assignment)
  }
  const rows: AnnotationRow[] = []
  for (const annotation of data.annotations) {
    const photo = photos.get(annotation.photoId)
    if (!photo) continue
    const last = latest.get(annotation.id)
    rows.push({
      annotation,
      photo,
      individual: annotation.individualId
        ? (individuals.get(annotation.individualId) ?? null)
        : null,
      sighting: photo.sightingId ? (sightings.get(photo.sightingId) ?? null) : null,
      confirmed:
        last && annotation.individualId && last.individualId === annotation.individualId
          ? last
          : null
    })
  }
  return rows.sort(compareRows)
}

function compareRows(a: AnnotationRow, b: AnnotationRow): number {
  const an = a.individual?.name
  const bn = b.individual?.name
  if (an !== bn) {
    if (an === undefined) return 1
    if (bn === undefined) return -1
    return an.localeCompare(bn)
  }
  const at = a.photo.takenAt ?? '\uffff'
  const bt = b.photo.takenAt ?? '\uffff'
  if (at !== bt) return at < bt ? -1 : 1
  return a.photo.fileName.localeCompare(b.photo.fileName)
}

/** "2024-07-01T10:22:05" -> ["2024-07-01", "10:22:05"]; nulls stay empty. */
export function splitTakenAt(takenAt: string | null): { date: string; time: string } {
  if (!takenAt) return { date: '', time: '' }
  return { date: takenAt.slice(0, 10), time: takenAt.slice(11, 19) }
}
