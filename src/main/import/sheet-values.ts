// One spreadsheet cell at a time into catalogue values: dates, times, coordinates, boxes.
// Each parser returns the value or throws a SheetValueError whose message the preview shows.
import type { AnnotationSource, Box, GeoPoint, Quality } from '../../shared/domain'

export class SheetValueError extends Error {}

const pad = (n: number) => String(n).padStart(2, '0')

function checkedDay(y: number, m: number, d: number, shown: string): string {
  const date = new Date(Date.UTC(y, m - 1, d))
  if (m < 1 || m > 12 || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new SheetValueError(`no such date ${shown}`)
  }
  if (y < 1900 || y > 2200) throw new SheetValueError(`year ${y} is out of range`)
  return `${y}-${pad(m)}-${pad(d)}`
}

function checkedTime(h: number, mi: number, s: number | null, shown: string): string {
  if (h > 23 || mi > 59 || (s !== null && s > 59)) throw new SheetValueError(`bad time ${shown}`)
  return s === null ? `${pad(h)}:${pad(mi)}` : `${pad(h)}:${pad(mi)}:${pad(s)}`
}

const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/

export function parseTime(text: string): string {
  const m = TIME.exec(text)
  if (!m) throw new SheetValueError(`bad time "${text}" (write HH:MM or HH:MM:SS)`)
  return checkedTime(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : null, text)
}

/** "2024-07-01", "2024/7/1", "2024-07-01T10:22[:05]" -> ISO at the precision given. */
export function parseDate(text: string): string {
  const m = /^(\d{4})[-/.:](\d{1,2})[-/.:](\d{1,2})(?:[T ](\d{1,2}:\d{2}(?::\d{2})?))?$/.exec(text)
  if (!m) {
    if (/^\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}$/.test(text)) {
      throw new SheetValueError(`ambiguous date "${text}": write it as YYYY-MM-DD`)
    }
    throw new SheetValueError(`bad date "${text}" (write YYYY-MM-DD)`)
  }
  const day = checkedDay(Number(m[1]), Number(m[2]), Number(m[3]), text)
  return m[4] ? `${day}T${parseTime(m[4])}` : day
}

const int = (text: string, what: string) => {
  if (!/^\d+$/.test(text)) throw new SheetValueError(`bad ${what} "${text}"`)
  return Number(text)
}

export interface DateCells {
  date?: string
  time?: string
  year?: string
  month?: string
  day?: string
  hour?: string
  minutes?: string
}

/** The row's date-time at the precision it gives (day, minute or second); null: none. */
export function takenAtOf(cells: DateCells): string | null {
  let day: string | null = null
  let time: string | null = null
  if (cells.date) {
    const parsed = parseDate(cells.date)
    day = parsed.slice(0, 10)
    time = parsed.length > 10 ? parsed.slice(11) : null
  } else if (cells.year || cells.month || cells.day) {
    if (!cells.year || !cells.month || !cells.day) {
      throw new SheetValueError('incomplete date: give year, month and day (or leave all empty)')
    }
    const shown = `${cells.year}-${cells.month}-${cells.day}`
    day = checkedDay(
      int(cells.year, 'year'),
      int(cells.month, 'month'),
      int(cells.day, 'day'),
      shown
    )
  }
  if (cells.time) time = parseTime(cells.time)
  else if (cells.hour) {
    const minutes = cells.minutes ? int(cells.minutes, 'minutes') : 0
    time = checkedTime(int(cells.hour, 'hour'), minutes, null, `${cells.hour}:${minutes}`)
  }
  if (!day) {
    if (time) throw new SheetValueError('a time without a date')
    return null
  }
  return time ? `${day}T${time}` : day
}

const number = (text: string, what: string) => {
  const value = Number(text)
  if (!text || !Number.isFinite(value)) throw new SheetValueError(`bad ${what} "${text}"`)
  return value
}

export function positionOf(lat?: string, lon?: string): GeoPoint | null {
  if (!lat && !lon) return null
  if (!lat || !lon) throw new SheetValueError('latitude and longitude go together: give both')
  const point = { lat: number(lat, 'latitude'), lon: number(lon, 'longitude') }
  if (Math.abs(point.lat) > 90) throw new SheetValueError(`latitude ${lat} is beyond ±90`)
  if (Math.abs(point.lon) > 180) throw new SheetValueError(`longitude ${lon} is beyond ±180`)
  return point
}

export function boxOf(x?: string, y?: string, width?: string, height?: string): Box | null {
  const given = [x, y, width, height].filter(Boolean).length
  if (given === 0) return null
  if (given < 4) throw new SheetValueError('a box needs box_x, box_y, box_width and box_height')
  const box = {
    x: number(x ?? '', 'box_x'),
    y: number(y ?? '', 'box_y'),
    width: number(width ?? '', 'box_width'),
    height: number(height ?? '', 'box_height')
  }
  if (box.width <= 0 || box.height <= 0) throw new SheetValueError('the box has no area')
  return box
}

export function qualityOf(text?: string): Quality | null {
  if (!text) return null
  const value = text.toLowerCase()
  if (value === 'good' || value === 'fair' || value === 'poor') return value
  throw new SheetValueError(`quality "${text}" is not good, fair or poor`)
}

export function boxSourceOf(text?: string): AnnotationSource | null {
  if (!text) return null
  if (text === 'whole-image' || text === 'proposed' || text === 'corrected') return text
  throw new SheetValueError(`box_source "${text}" is not whole-image, proposed or corrected`)
}

/**
 * The sheet wins over EXIF where both give a value. Where the sheet is coarser (a day, or a
 * time to the minute) and EXIF agrees with it, EXIF's finer reading is kept.
 */
export function mergeTakenAt(sheet: string | null, exif: string | null): string | null {
  if (!sheet) return exif
  return exif?.startsWith(sheet) ? exif : sheet
}

/** As for the time: the sheet's position wins; EXIF's is kept (with its altitude) if equal. */
export function mergeGps(sheet: GeoPoint | null, exif: GeoPoint | null): GeoPoint | null {
  if (!sheet) return exif
  const same =
    exif && Math.abs(exif.lat - sheet.lat) < 1e-9 && Math.abs(exif.lon - sheet.lon) < 1e-9
  return same ? exif : sheet
}
