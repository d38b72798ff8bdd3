// The review queue: annotations no individual has been given yet, oldest import first and
// in the order the photos were taken, so a survey is reviewed the way it happened.
import type { QueueItem, ReviewFilter, ReviewQueue } from '../../shared/contract'
import type { CatalogData, Photo } from '../../shared/domain'

export function reviewQueue(data: CatalogData, filter: ReviewFilter): ReviewQueue {
  const photos = new Map(data.photos.map((p) => [p.id, p]))
  const batches = new Map(data.batches.map((b) => [b.id, b]))
  const sightings = new Map(data.sightings.map((s) => [s.id, s]))
  const decided = openDecisionCounts(data)
  const waiting = data.annotations.flatMap((annotation) => {
    const photo = photos.get(annotation.photoId)
    return annotation.individualId === null && photo ? [{ annotation, photo }] : []
  })
  const batchCounts = countBy(waiting, ({ photo }) => photo.batchId)
  const sightingCounts = countBy(waiting, ({ photo }) => photo.sightingId ?? '')
  const items = waiting
    .filter(({ photo }) => matches(photo, filter))
    .sort((a, b) => compareForReview(a.photo, b.photo, batches))
    .map(({ annotation, photo }): QueueItem => {
      const batch = batches.get(photo.batchId)
      const sighting = photo.sightingId ? sightings.get(photo.sightingId) : undefined
      return {
        annotationId: annotation.id,
        photoId: photo.id,
        fileName: photo.fileName,
        takenAt: photo.takenAt,
        batchId: photo.batchId,
        batchLabel: batch?.label ?? '',
        sightingId: photo.sightingId,
        place: photo.gps ?? sighting?.place ?? null,
        decisions: decided.get(annotation.id) ?? 0
      }
    })
  return {
    items,
    totalUnassigned: waiting.length,
    batches: [...batchCounts].map(([id, count]) => ({
      id,
      label: batches.get(id)?.label ?? id,
      count
    })),
    sightings: [...sightingCounts]
      .filter(([id]) => id !== '')
      .map(([id, count]) => {
        const sighting = sightings.get(id)
        const batch = sighting ? batches.get(sighting.batchId) : undefined
        const label = `${sighting?.date ?? 'undated'} · ${batch?.label ?? ''}`
        return { id, label, count }
      })
  }
}

function matches(photo: Photo, filter: ReviewFilter): boolean {
  if (filter.batchId && photo.batchId !== filter.batchId) return false
  if (filter.sightingId && photo.sightingId !== filter.sightingId) return false
  if (filter.dateFrom || filter.dateTo) {
    const day = photo.takenAt?.slice(0, 10)
    if (!day) return false
    if (filter.dateFrom && day < filter.dateFrom) return false
    if (filter.dateTo && day > filter.dateTo) return false
  }
  return true
}

function compareForReview(a: Photo, b: Photo, batches: Map<string, { startedAt: string }>): number {
  const batchOrder = (batches.get(a.batchId)?.startedAt ?? '').localeCompare(
    batches.get(b.batchId)?.startedAt ?? ''
  )
  if (batchOrder !== 0) return batchOrder
  if (a.takenAt !== b.takenAt) {
    if (a.takenAt === null) return 1
    if (b.takenAt === null) return -1
    return a.takenAt < b.takenAt ? -1 : 1
  }
  return a.fileName.localeCompare(b.fileName, undefined, { numeric: true })
}

/** Decisions that are still in force, per query annotation. */
function openDecisionCounts(data: CatalogData): Map<string, number> {
  const counts = new Map<string, number>()
  for (const d of data.decisions) {
    if (d.undoneAt === null)
      counts.set(d.queryAnnotationId, (counts.get(d.queryAnnotationId) ?? 0) + 1)
  }
  return counts
}

function countBy<T>(rows: T[], key: (row: T) => string): Map<string, number> {
  const counts = new Map<string, number>()
  for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1)
  return counts
}
