// A capture-history matrix for mark-recapture: one row per individual, one column per sampling
// occasion (a date range the user chooses), 1 where the individual was photographed in it.
// Written for MARK as an encounter-history .inp file ("/* id */ 0101 1;": the history, the
// frequency of the one group, a semicolon; comments in /* */, as RMark's convert.inp and
// export.chdata read and write them) and as a CSV for RMark with `ch` as a string column.
import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import type { Occasion } from '../../shared/contract'
import type { CatalogData } from '../../shared/domain'
import { UserError } from '../errors'

export interface CaptureHistory {
  occasions: Occasion[]
  rows: { individual: string; history: string }[]
  /** Individuals with no photo dated inside any occasion: left out (MARK needs a capture). */
  neverSeen: string[]
}

/** Occasions must be valid, in order and apart: a photo counts towards one occasion only. */
export function checkOccasions(occasions: Occasion[]): void {
  if (occasions.length === 0) throw new UserError('Give at least one sampling occasion')
  occasions.forEach((o, i) => {
    const name = o.label || `occasion ${i + 1}`
    if (o.from > o.to) throw new UserError(`${name} ends (${o.to}) before it starts (${o.from})`)
    const before = occasions[i - 1]
    if (before && o.from <= before.to) {
      throw new UserError(
        `${name} (from ${o.from}) must start after ${before.label || `occasion ${i}`} ends (${before.to})`
      )
    }
  })
}

export function captureHistory(data: CatalogData, occasions: Occasion[]): CaptureHistory {
  checkOccasions(occasions)
  const photos = new Map(data.photos.map((p) => [p.id, p]))
  const sightingDates = new Map(data.sightings.map((s) => [s.id, s.date]))
  const seen = new Map<string, boolean[]>()
  // A merged individual lives on in the one it was merged into: not a whale of its own.
  const individuals = data.individuals.filter((i) => i.mergedIntoId === null)
  for (const individual of individuals)
    seen.set(
      individual.id,
      occasions.map(() => false)
    )
  for (const annotation of data.annotations) {
    const photo = photos.get(annotation.photoId)
    const marks = annotation.individualId ? seen.get(annotation.individualId) : undefined
    if (!photo || !marks) continue
    const day =
      photo.takenAt?.slice(0, 10) ?? (photo.sightingId ? sightingDates.get(photo.sightingId) : null)
    if (!day) continue
    const at = occasions.findIndex((o) => o.from <= day && day <= o.to)
    if (at >= 0) marks[at] = true
  }
  const result: CaptureHistory = { occasions, rows: [], neverSeen: [] }
  const byName = [...individuals].sort((a, b) => a.name.localeCompare(b.name))
  for (const individual of byName) {
    const marks = seen.get(individual.id) ?? []
    if (!marks.includes(true)) result.neverSeen.push(individual.name)
    else result.rows.push({ individual: individual.name, history: marks.map(Number).join('') })
  }
  return result
}

/** MARK comments end at the first star-slash: keep ids from closing theirs early. */
const commentSafe = (text: string) => text.replaceAll('*/', '* /').replace(/[\r\n]+/g, ' ')

export function markInp(history: CaptureHistory): string {
  const header = history.occasions.map(
    (o, i) =>
      `/* occasion ${i + 1}: ${o.label ? `${commentSafe(o.label)} ` : ''}${o.from} to ${o.to} */`
  )
  const lines = history.rows.map((r) => `/* ${commentSafe(r.individual)} */ ${r.history} 1;`)
  return `${[...header, ...lines].join('\n')}\n`
}

export function rmarkCsv(history: CaptureHistory): string {
  return stringify(
    [['ch', 'freq', 'id'], ...history.rows.map((r) => [r.history, 1, r.individual])],
    {
      // ch must stay text ("0101"), not become the number 101, in R and in spreadsheets.
      quoted_match: /^[01]+$/
    }
  )
}

/** Writes the three files of a capture-history export into `folder`. */
export async function writeCaptureHistory(
  data: CatalogData,
  occasions: Occasion[],
  folder: string
): Promise<CaptureHistory> {
  const history = captureHistory(data, occasions)
  await writeFile(join(folder, 'capture-history.inp'), markInp(history), 'utf8')
  await writeFile(join(folder, 'capture-history.csv'), rmarkCsv(history), 'utf8')
  const table = stringify([
    ['occasion', 'label', 'from', 'to'],
    ...occasions.map((o, i) => [i + 1, o.label, o.from, o.to])
  ])
  await writeFile(join(folder, 'occasions.csv'), table, 'utf8')
  return history
}
