// Turns processed files into catalogue records: photo, its fluke's annotation (the proposed
// box, or the whole image when nothing was proposed), the batch-day sighting, the individual
// named by a labelled import, and the assignment history entry. A spreadsheet row may give
// the date, position, box, tags and label, and several flukes of one photo.
import { randomUUID } from 'node:crypto'
import type { CatalogData, Sighting } from '../../shared/domain'
import type { ProcessedPhoto, SheetAnnotation } from './process-file'
import { mergeGps, mergeTakenAt } from './sheet-values'
import { survivorOf } from '../individuals/names'

export function applyPhotos(data: CatalogData, batchId: string, photos: ProcessedPhoto[]): void {
  if (photos.length === 0) return
  const now = new Date().toISOString()
  // A label naming a merged individual goes to the one it was merged into: same whale.
  const survivor = survivorOf(data)
  const individuals = new Map(data.individuals.map((i) => [i.name, survivor(i.id)]))
  const sightings = new Map(
    data.sightings.filter((s) => s.batchId === batchId).map((s) => [s.date ?? '', s])
  )
  for (const processed of photos) {
    const { info, exif, item } = processed
    const photoId = randomUUID()
    // A spreadsheet's date and position win over EXIF (mergeTakenAt keeps EXIF's seconds
    // where it agrees with the sheet's day or minute).
    const takenAt = mergeTakenAt(item.sheet?.takenAt ?? null, exif.takenAt)
    const gps = mergeGps(item.sheet?.gps ?? null, exif.gps)
    const day = takenAt?.slice(0, 10) ?? null
    let sighting = sightings.get(day ?? '')
    if (!sighting) {
      sighting = { id: randomUUID(), batchId, date: day, place: gps } satisfies Sighting
      sightings.set(day ?? '', sighting)
      data.sightings.push(sighting)
    } else if (!sighting.place && gps) sighting.place = gps
    data.photos.push({
      id: photoId,
      hash: processed.hash,
      originalPath: item.path,
      fileName: processed.fileName,
      byteSize: info.byteSize,
      format: info.format,
      width: info.width,
      height: info.height,
      orientation: info.orientation,
      takenAt,
      gps,
      camera: exif.camera,
      batchId,
      sightingId: sighting.id,
      importedAt: now
    })
    const wanted: SheetAnnotation[] = item.sheet?.annotations ?? [
      {
        row: 0,
        individual: item.individual ?? null,
        box: null,
        rotation: 0,
        boxSource: null,
        viewpoint: null,
        quality: null,
        note: `labelled ${item.individual ?? ''} in the imported catalogue`
      }
    ]
    for (const spec of wanted) {
      const individualId = spec.individual
        ? individualFor(data, individuals, spec.individual, now)
        : null
      const annotationId = randomUUID()
      const proposed = processed.proposedBox
      data.annotations.push({
        id: annotationId,
        photoId,
        box: spec.box ?? proposed ?? { x: 0, y: 0, width: info.width, height: info.height },
        rotation: spec.box ? spec.rotation : 0,
        source: spec.box ? (spec.boxSource ?? 'corrected') : proposed ? 'proposed' : 'whole-image',
        viewpoint: spec.viewpoint,
        quality: spec.quality,
        individualId,
        createdAt: now,
        updatedAt: now
      })
      if (individualId) {
        data.assignments.push({
          id: randomUUID(),
          annotationId,
          individualId,
          previousIndividualId: null,
          at: now,
          by: 'import',
          modelId: null,
          note: spec.note
        })
      }
    }
  }
}

function individualFor(
  data: CatalogData,
  byName: Map<string, string>,
  name: string,
  now: string
): string {
  const known = byName.get(name)
  if (known) return known
  const id = randomUUID()
  data.individuals.push({ id, name, notes: '', createdAt: now, mergedIntoId: null })
  byName.set(name, id)
  return id
}
