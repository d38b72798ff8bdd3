// The sightings map's points: one per sighting with a position, with who was seen and which
// photos show it. Sightings without a fix are counted, so the map can say what it leaves out.
import type { MapFilter, SightingMap, SightingPoint } from '../../shared/contract'
import type { CatalogData } from '../../shared/domain'

export function sightingMap(data: CatalogData, filter: MapFilter): SightingMap {
  const names = new Map(data.individuals.map((i) => [i.id, i.name]))
  const labels = new Map(data.batches.map((b) => [b.id, b.label]))
  const photosBySighting = new Map<string, string[]>()
  for (const photo of data.photos) {
    if (!photo.sightingId) continue
    const list = photosBySighting.get(photo.sightingId)
    if (list) list.push(photo.id)
    else photosBySighting.set(photo.sightingId, [photo.id])
  }
  const individualsByPhoto = new Map<string, Set<string>>()
  for (const a of data.annotations) {
    if (!a.individualId) continue
    const set = individualsByPhoto.get(a.photoId) ?? new Set<string>()
    set.add(a.individualId)
    individualsByPhoto.set(a.photoId, set)
  }
  const points: SightingPoint[] = []
  let withoutPlace = 0
  for (const sighting of data.sightings) {
    if (filter.batchId && sighting.batchId !== filter.batchId) continue
    const photoIds = photosBySighting.get(sighting.id) ?? []
    const seen = new Set(photoIds.flatMap((id) => [...(individualsByPhoto.get(id) ?? [])]))
    if (filter.individualId && !seen.has(filter.individualId)) continue
    if (!sighting.place) {
      withoutPlace++
      continue
    }
    points.push({
      sightingId: sighting.id,
      date: sighting.date,
      place: sighting.place,
      batchId: sighting.batchId,
      batchLabel: labels.get(sighting.batchId) ?? '',
      individuals: [...seen]
        .map((id) => ({ id, name: names.get(id) ?? id }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      photoIds
    })
  }
  points.sort((a, b) => (a.date ?? '9999').localeCompare(b.date ?? '9999'))
  return { points, withoutPlace }
}
