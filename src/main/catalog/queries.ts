// Read-only views of the catalogue, shaped for the contract. Each builds its lookups in one
// pass: cheap next to sending tens of thousands of rows, and never stale.
import type {
  BatchSummary,
  CatalogStats,
  IndividualSummary,
  PhotoCard,
  PhotoDetail,
  PhotoFilter
} from '../../shared/contract'
import type { Annotation, CatalogData, Photo } from '../../shared/domain'
import { UserError } from '../errors'

export function catalogStats(data: CatalogData): CatalogStats {
  return {
    photos: data.photos.length,
    annotations: data.annotations.length,
    // A merged individual lives on in the one it was merged into.
    individuals: data.individuals.filter((i) => i.mergedIntoId === null).length,
    unassigned: data.annotations.filter((a) => a.individualId === null).length
  }
}

function annotationsByPhoto(data: CatalogData): Map<string, Annotation[]> {
  const map = new Map<string, Annotation[]>()
  for (const annotation of data.annotations) {
    const list = map.get(annotation.photoId)
    if (list) list.push(annotation)
    else map.set(annotation.photoId, [annotation])
  }
  return map
}

export function namesById(data: CatalogData): Map<string, string> {
  return new Map(data.individuals.map((i) => [i.id, i.name]))
}

const dayOf = (takenAt: string | null) => (takenAt ? takenAt.slice(0, 10) : null)

function matchesFilter(photo: Photo, annotations: Annotation[], filter: PhotoFilter): boolean {
  if (filter.batchId && photo.batchId !== filter.batchId) return false
  if (filter.individualId && !annotations.some((a) => a.individualId === filter.individualId)) {
    return false
  }
  if (filter.unassigned && !annotations.some((a) => a.individualId === null)) return false
  if (filter.unchecked && !annotations.some((a) => a.source !== 'corrected')) return false
  if (filter.dateFrom || filter.dateTo) {
    const day = dayOf(photo.takenAt)
    if (!day) return false
    if (filter.dateFrom && day < filter.dateFrom) return false
    if (filter.dateTo && day > filter.dateTo) return false
  }
  return true
}

function toCard(photo: Photo, annotations: Annotation[], names: Map<string, string>): PhotoCard {
  const individualNames = [
    ...new Set(
      annotations.flatMap((a) => (a.individualId ? [names.get(a.individualId) ?? ''] : []))
    )
  ]
  return { id: photo.id, fileName: photo.fileName, takenAt: photo.takenAt, individualNames }
}

/** Photos matching the filter, oldest first (undated last), as grid cards. */
export function listPhotos(data: CatalogData, filter: PhotoFilter): PhotoCard[] {
  const byPhoto = annotationsByPhoto(data)
  const names = namesById(data)
  return data.photos
    .filter((photo) => matchesFilter(photo, byPhoto.get(photo.id) ?? [], filter))
    .sort(compareByDate)
    .map((photo) => toCard(photo, byPhoto.get(photo.id) ?? [], names))
}

function compareByDate(a: Photo, b: Photo): number {
  if (a.takenAt === b.takenAt) return a.fileName.localeCompare(b.fileName)
  if (a.takenAt === null) return 1
  if (b.takenAt === null) return -1
  return a.takenAt < b.takenAt ? -1 : 1
}

export function photoDetail(data: CatalogData, id: string): PhotoDetail {
  const photo = data.photos.find((p) => p.id === id)
  if (!photo) throw new UserError(`No photo with id ${id}`, 'not-found')
  const annotations = data.annotations.filter((a) => a.photoId === id)
  const ids = new Set(annotations.map((a) => a.individualId))
  return {
    photo,
    annotations,
    individuals: data.individuals.filter((i) => ids.has(i.id)),
    batch: data.batches.find((b) => b.id === photo.batchId) ?? null,
    sighting: data.sightings.find((s) => s.id === photo.sightingId) ?? null
  }
}

export function listIndividuals(data: CatalogData): IndividualSummary[] {
  const photosById = new Map(data.photos.map((p) => [p.id, p]))
  const photosOf = new Map<string, Photo[]>()
  for (const annotation of data.annotations) {
    const photo = photosById.get(annotation.photoId)
    if (!annotation.individualId || !photo) continue
    const list = photosOf.get(annotation.individualId) ?? []
    if (!list.includes(photo)) list.push(photo)
    photosOf.set(annotation.individualId, list)
  }
  return data.individuals
    .filter((individual) => individual.mergedIntoId === null)
    .map((individual) => {
      const photos = (photosOf.get(individual.id) ?? []).sort(compareByDate)
      const days = photos.flatMap((p) => (p.takenAt ? [p.takenAt] : []))
      return {
        id: individual.id,
        name: individual.name,
        photoCount: photos.length,
        firstSeen: days[0] ?? null,
        lastSeen: days[days.length - 1] ?? null,
        coverPhotoId: photos[0]?.id ?? null
      }
    })
    .sort((a, b) => a.name.localeCompare(b.name, undefined, { numeric: true }))
}

export function listBatches(data: CatalogData): BatchSummary[] {
  return [...data.batches]
    .sort((a, b) => b.startedAt.localeCompare(a.startedAt))
    .map(({ finishedAt: _finishedAt, ...summary }) => summary)
}
