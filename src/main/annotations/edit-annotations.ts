// Boxes drawn and corrected by hand, applied to the catalogue's data inside one
// Catalog.update. Boxes live in the upright original's pixels. An annotation's updatedAt is
// its box version: it changes with the box or rotation, and the embedding keyed on it is
// then made again; a change of quality or viewpoint keeps it.
import { randomUUID } from 'node:crypto'
import type { AnnotationChange, NewAnnotation } from '../../shared/contract'
import type { Annotation, Box, CatalogData, Photo } from '../../shared/domain'
import { UserError } from '../errors'

export function applyAnnotationChange(
  data: CatalogData,
  change: AnnotationChange,
  now = new Date().toISOString()
): Annotation {
  const annotation = data.annotations.find((a) => a.id === change.id)
  if (!annotation) throw new UserError(`No annotation with id ${change.id}`, 'not-found')
  const photo = photoOf(data, annotation.photoId)
  const box = checkedBox(change.box, photo)
  const moved =
    JSON.stringify(box) !== JSON.stringify(annotation.box) ||
    normalAngle(change.rotation) !== annotation.rotation
  Object.assign(annotation, {
    box,
    rotation: normalAngle(change.rotation),
    quality: change.quality,
    viewpoint: change.viewpoint,
    // Saved by a person: checked, whether the box moved or was fine as proposed.
    source: 'corrected',
    updatedAt: moved ? now : annotation.updatedAt
  } satisfies Partial<Annotation>)
  return annotation
}

export function applyNewAnnotation(
  data: CatalogData,
  request: NewAnnotation,
  now = new Date().toISOString()
): Annotation {
  const photo = photoOf(data, request.photoId)
  const annotation: Annotation = {
    id: randomUUID(),
    photoId: photo.id,
    box: checkedBox(request.box, photo),
    rotation: normalAngle(request.rotation),
    source: 'corrected',
    viewpoint: null,
    quality: null,
    individualId: null,
    createdAt: now,
    updatedAt: now
  }
  data.annotations.push(annotation)
  return annotation
}

/** Removes a box, logging it whole; if it had an individual, the history records the loss. */
export function applyDeleteAnnotation(
  data: CatalogData,
  id: string,
  now = new Date().toISOString()
): void {
  const annotation = data.annotations.find((a) => a.id === id)
  if (!annotation) throw new UserError(`No annotation with id ${id}`, 'not-found')
  let assignmentId: string | null = null
  if (annotation.individualId) {
    assignmentId = randomUUID()
    data.assignments.push({
      id: assignmentId,
      annotationId: id,
      individualId: null,
      previousIndividualId: annotation.individualId,
      at: now,
      by: 'user',
      modelId: null,
      note: 'box deleted'
    })
  }
  // The box itself is kept in the change log, so a deletion can be seen and put right.
  data.changes.push({
    id: randomUUID(),
    kind: 'annotation-deleted',
    at: now,
    by: 'user',
    fromIndividualId: annotation.individualId,
    toIndividualId: null,
    annotationIds: [id],
    assignmentIds: assignmentId ? [assignmentId] : [],
    createdIndividual: false,
    annotation: structuredClone(annotation),
    note: 'box deleted'
  })
  data.annotations = data.annotations.filter((a) => a.id !== id)
}

function photoOf(data: CatalogData, id: string): Photo {
  const photo = data.photos.find((p) => p.id === id)
  if (!photo) throw new UserError(`No photo with id ${id}`, 'not-found')
  return photo
}

/** Whole pixels, at least 2 on a side, its centre on the photo. */
function checkedBox(box: Box, photo: Photo): Box {
  const rounded = {
    x: Math.round(box.x),
    y: Math.round(box.y),
    width: Math.round(box.width),
    height: Math.round(box.height)
  }
  if (rounded.width < 2 || rounded.height < 2)
    throw new UserError('A box needs a size: draw it larger')
  const cx = rounded.x + rounded.width / 2
  const cy = rounded.y + rounded.height / 2
  if (cx < 0 || cy < 0 || cx > photo.width || cy > photo.height) {
    throw new UserError('The box must lie on the photo (its centre is outside it)')
  }
  return rounded
}

/** Degrees in (-180, 180], rounded to a tenth. */
function normalAngle(degrees: number): number {
  const wrapped = ((((degrees + 180) % 360) + 360) % 360) - 180
  return Math.round((wrapped === -180 ? 180 : wrapped) * 10) / 10
}
