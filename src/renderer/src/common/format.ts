// Display formats. Dates are ISO (2024-07-01 10:22:05): unambiguous in every locale, and the
// way field notes and data sheets write them. EXIF times carry no zone and are shown as recorded.

const pad = (n: number) => String(n).padStart(2, '0')
const HAS_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i

function localParts(date: Date) {
  const day = `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`
  return { day, minutes: `${pad(date.getHours())}:${pad(date.getMinutes())}` }
}

/** "2024-07-01" (or a date-time, whose day is kept); anything else is shown as given. */
export function formatDay(ymd: string | null | undefined, missing = '—'): string {
  if (!ymd) return missing
  return /^\d{4}-\d{2}-\d{2}/.exec(ymd)?.[0] ?? ymd
}

/**
 * An ISO date-time to the second. With a zone (a time the app recorded) it is shown in local
 * time; without one (EXIF) it is shown exactly as the camera wrote it.
 */
export function formatDateTime(iso: string | null | undefined, missing = '—'): string {
  if (!iso) return missing
  if (!HAS_ZONE.test(iso)) {
    const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(:\d{2})?)/.exec(iso)
    return match ? `${match[1]} ${match[2]}` : iso
  }
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const { day, minutes } = localParts(date)
  return `${day} ${minutes}:${pad(date.getSeconds())}`
}

/** To the minute, local time: when a job or an import started. */
export function formatShortTime(iso: string | null | undefined): string {
  if (!iso) return '—'
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const { day, minutes } = localParts(date)
  return `${day} ${minutes}`
}

const UNITS = ['bytes', 'kB', 'MB', 'GB', 'TB']

export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—'
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000
    unit += 1
  }
  if (unit === 0) return `${bytes} ${bytes === 1 ? 'byte' : 'bytes'}`
  return `${value.toFixed(value < 10 ? 1 : 0)} ${UNITS[unit]}`
}

export function formatCount(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`
}

export function formatNumber(n: number): string {
  return n.toLocaleString()
}

/** Seconds left → "about 3 min left"; rounding up so the bar never waits on "0 s left". */
export function formatEta(seconds: number | null): string | null {
  if (seconds === null || !Number.isFinite(seconds) || seconds < 0) return null
  if (seconds < 10) return 'a few seconds left'
  if (seconds < 60) return `about ${Math.ceil(seconds / 5) * 5} s left`
  const minutes = Math.ceil(seconds / 60)
  if (minutes < 60) return `about ${minutes} min left`
  const hours = Math.floor(minutes / 60)
  const rest = minutes % 60
  return rest === 0 ? `about ${hours} h left` : `about ${hours} h ${rest} min left`
}

export function formatCoordinate(value: number, positive: string, negative: string): string {
  return `${Math.abs(value).toFixed(5)}° ${value >= 0 ? positive : negative}`
}

export function formatLatLon(lat: number, lon: number): string {
  return `${formatCoordinate(lat, 'N', 'S')}, ${formatCoordinate(lon, 'E', 'W')}`
}

export function percent(current: number, total: number): number {
  if (total <= 0) return 0
  return Math.min(100, Math.max(0, (current / total) * 100))
}
