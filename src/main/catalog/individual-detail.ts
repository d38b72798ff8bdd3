// One individual's page: its photos, sightings, flukes, and the whole record of how photos
// came to it and left it (assignments) and of the merges and splits it took part in.
import type {
  AssignmentView,
  ChangeView,
  IndividualDetail,
  SightingView
} from '../../shared/contract'
import type { CatalogChange, CatalogData } from '../../shared/domain'
import { UserError } from '../errors'
import { listPhotos, namesById } from './queries'

export function individualDetail(data: CatalogData, id: string): IndividualDetail {
  const individual = data.individuals.find((i) => i.id === id)
  if (!individual) throw new UserError(`No individual with id ${id}`, 'not-found')
  const photos = listPhotos(data, { individualId: id })
  const photoIds = new Set(photos.map((p) => p.id))
  const bySighting = new Map<string, string[]>()
  for (const photo of data.photos) {
    if (!photoIds.has(photo.id) || !photo.sightingId) continue
    bySighting.set(photo.sightingId, [...(bySighting.get(photo.sightingId) ?? []), photo.id])
  }
  const sightings: SightingView[] = data.sightings
    .filter((s) => bySighting.has(s.id))
    .map((sighting) => ({ sighting, photoIds: bySighting.get(sighting.id) ?? [] }))
    .sort((a, b) => (b.sighting.date ?? '').localeCompare(a.sighting.date ?? ''))
  const into = data.individuals.find((i) => i.id === individual.mergedIntoId)
  const photosById = new Map(data.photos.map((p) => [p.id, p]))
  const annotations = data.annotations
    .filter((a) => a.individualId === id)
    .map((a) => {
      const photo = photosById.get(a.photoId)
      return {
        annotationId: a.id,
        photoId: a.photoId,
        fileName: photo?.fileName ?? '',
        takenAt: photo?.takenAt ?? null
      }
    })
  return {
    individual,
    mergedInto: into ? { id: into.id, name: into.name } : null,
    photos,
    annotations,
    sightings,
    history: assignmentHistory(data, id),
    changes: changeHistory(data, id)
  }
}

export const nameIn = (names: Map<string, string>) => (id: string | null) =>
  id === null ? null : (names.get(id) ?? 'a removed individual')

/** Every assignment that gave a photo to the individual or took one from it, newest first. */
function assignmentHistory(data: CatalogData, individualId: string): AssignmentView[] {
  const nameOf = nameIn(namesById(data))
  const annotations = new Map(data.annotations.map((a) => [a.id, a]))
  // A deleted box's photo is still known from the copy the change log keeps.
  for (const change of data.changes) {
    if (change.annotation && !annotations.has(change.annotation.id)) {
      annotations.set(change.annotation.id, change.annotation)
    }
  }
  const photos = new Map(data.photos.map((p) => [p.id, p]))
  return data.assignments
    .filter((a) => a.individualId === individualId || a.previousIndividualId === individualId)
    .map((a): AssignmentView => {
      const photo = photos.get(annotations.get(a.annotationId)?.photoId ?? '')
      return {
        at: a.at,
        by: a.by,
        photoId: photo?.id ?? '',
        fileName: photo?.fileName ?? '(photo removed)',
        from: nameOf(a.previousIndividualId),
        to: nameOf(a.individualId),
        modelId: a.modelId,
        note: a.note
      }
    })
    .reverse()
}

/** Merges and splits from or to the individual, newest first. */
export function changeHistory(data: CatalogData, individualId: string): ChangeView[] {
  const nameOf = nameIn(namesById(data))
  return data.changes
    .filter((c) => c.kind !== 'annotation-deleted')
    .filter((c) => c.fromIndividualId === individualId || c.toIndividualId === individualId)
    .map((c) => changeView(c, nameOf))
    .reverse()
}

export function changeView(
  change: CatalogChange,
  nameOf: (id: string | null) => string | null
): ChangeView {
  return {
    id: change.id,
    kind: change.kind,
    at: change.at,
    by: change.by,
    fromId: change.fromIndividualId,
    toId: change.toIndividualId,
    from: nameOf(change.fromIndividualId),
    to: nameOf(change.toIndividualId),
    annotations: change.annotationIds.length,
    note: change.note
  }
}
