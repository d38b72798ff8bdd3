// Which catalogue field each spreadsheet column fills. Wildbook's bulk-import names
// (https://wildbook.docs.wildme.org/data/bulk-import-beta.html), Flukeprint's own catalogue
// CSV (src/main/exports/catalog-csv.ts) and plain names a person would type are all read;
// headers are compared without case, spaces or punctuation.
import type { SheetColumn, SheetField } from '../../shared/contract'

const norm = (header: string) => header.toLowerCase().replace(/[^a-z0-9]/g, '')

/** Aliases in order of preference: the first present wins, later ones are left unread. */
const ALIASES: Record<SheetField, string[]> = {
  file: ['file', 'path', 'image', 'photo', 'filename'],
  individual: [
    'encounterindividualid',
    'markedindividualindividualid',
    'individualid',
    'individual',
    'id'
  ],
  date: ['date', 'eventdate'],
  time: ['time'],
  year: ['encounteryear', 'year'],
  month: ['encountermonth', 'month'],
  day: ['encounterday', 'day'],
  hour: ['encounterhour', 'hour'],
  minutes: ['encounterminutes', 'minutes', 'minute'],
  latitude: ['encounterdecimallatitude', 'decimallatitude', 'latitude', 'lat'],
  longitude: ['encounterdecimallongitude', 'decimallongitude', 'longitude', 'lon', 'lng'],
  boxX: ['boxx'],
  boxY: ['boxy'],
  boxWidth: ['boxwidth'],
  boxHeight: ['boxheight'],
  rotation: ['rotation'],
  boxSource: ['boxsource'],
  viewpoint: ['viewpoint', 'side'],
  quality: ['quality'],
  confirmedBy: ['confirmedby'],
  confirmedAt: ['confirmedat']
}

/** Known columns Flukeprint does not store, with the reason shown in the preview. */
const IGNORED: Record<string, string> = {
  encountergenus: 'species: a Flukeprint catalogue is one species',
  encounterspecificepithet: 'species: a Flukeprint catalogue is one species',
  occurrenceoccurrenceid: 'sightings are made from each import day',
  encounteroccurrenceid: 'sightings are made from each import day',
  encounterlocationid: 'place names are not stored; latitude and longitude are',
  encounterverbatimlocality: 'place names are not stored; latitude and longitude are',
  filename: 'the photo is found by the file column',
  confirmedmodel: 'written by Flukeprint; the import records its own history',
  photosha256: 'written by Flukeprint; photos are matched by their content anyway',
  annotationid: 'written by Flukeprint; the import makes new ids'
}

/** Wildbook numbers its photo columns: Encounter.mediaAsset0, Encounter.MediaAsset.1, … */
const MEDIA_ASSET = /^(encounter)?mediaasset\d+$/

export function mapColumns(header: string[]): SheetColumn[] {
  const keys = header.map(norm)
  const label = (i: number) => header[i] || `column ${i + 1}`
  const hasMediaAssets = keys.some((k) => MEDIA_ASSET.test(k))
  const fieldAt = new Map<number, SheetField>()
  const usedBy = new Map<SheetField, string>()
  for (const [field, aliases] of Object.entries(ALIASES) as [SheetField, string[]][]) {
    if (field === 'file' && hasMediaAssets) continue
    for (const alias of aliases) {
      const at = keys.indexOf(alias)
      if (at >= 0 && !fieldAt.has(at)) {
        fieldAt.set(at, field)
        usedBy.set(field, label(at))
        break
      }
    }
  }
  return header.map((_, i): SheetColumn => {
    const key = keys[i] ?? ''
    if (MEDIA_ASSET.test(key)) return { header: label(i), field: 'file', note: null }
    const field = fieldAt.get(i)
    if (field) return { header: label(i), field, note: null }
    const ignored = IGNORED[key]
    if (ignored) return { header: label(i), field: null, note: `not imported: ${ignored}` }
    const twin = ALIASES_BY_KEY.get(key)
    const used = twin ? usedBy.get(twin) : undefined
    if (used) return { header: label(i), field: null, note: `not imported: ${used} is used` }
    return { header: label(i), field: null, note: 'unknown column: not imported' }
  })
}

const ALIASES_BY_KEY = new Map(
  (Object.entries(ALIASES) as [SheetField, string[]][]).flatMap(([field, aliases]) =>
    aliases.map((alias) => [alias, field] as const)
  )
)
