// Turns processed files into catalogue records: photo, its fluke's annotation (the proposed
// box, or the whole image when nothing was proposed), the batch-day sighting, the individual
// named by a labelled import, and the assignment history entry.
import { randomUUID } from 'node:crypto'
import type { CatalogData, Sighting } from '../../shared/domain'
import type { ProcessedPhoto } from './process-file'

export function applyPhotos(data: CatalogData, batchId: string, photos: ProcessedPhoto[]): void {
  if (photos.length === 0) return
  const now = new Date().toISOString()
  const individuals = new Map(data.individuals.map((i) => [i.name, i.id]))
  const sightings = new Map(
    data.sightings.filter((s) => s.batchId === batchId).map((s) => [s.date ?? '', s])
  )
  for (const processed of photos) {
    const { info, exif, item } = processed
    const photoId = randomUUID()
    const day = exif.takenAt?.slice(0, 10) ?? null
    let sighting = sightings.get(day ?? '')
    if (!sighting) {
      sighting = { id: randomUUID(), batchId, date: day, place: exif.gps } satisfies Sighting
      sightings.set(day ?? '', sighting)
      data.sightings.push(sighting)
    } else if (!sighting.place && exif.gps) sighting.place = exif.gps
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
      takenAt: exif.takenAt,
      gps: exif.gps,
      camera: exif.camera,
      batchId,
      sightingId: sighting.id,
      importedAt: now
    })
    const individualId = item.individual
      ? individualFor(data, individuals, item.individual, now)
      : null
    const annotationId = randomUUID()
    data.annotations.push({
      id: annotationId,
      photoId,
      box: processed.proposedBox ?? { x: 0, y: 0, width: info.width, height: info.height },
      rotation: 0,
      source: processed.proposedBox ? 'proposed' : 'whole-image',
      proposedBy: processed.proposedBox ? processed.proposedBy : 'whole-image',
      viewpoint: null,
      quality: null,
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
        note: `labelled ${item.individual ?? ''} in the imported catalogue`
      })
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
  data.individuals.push({ id, name, notes: '', createdAt: now })
  byName.set(name, id)
  return id
}
