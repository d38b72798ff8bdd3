// The timeline's axis: days across, with ticks on years (or months, for a span under two years).

export interface Tick {
  x: number
  label: string
}

const DAY = 86_400_000
const toTime = (ymd: string) => Date.parse(`${ymd}T00:00:00Z`)
const ymd = (t: number) => new Date(t).toISOString().slice(0, 10)

export interface TimeScale {
  x: (ymd: string) => number
  ticks: Tick[]
}

/** Maps the dates onto [left, right], padded a little so the first and last marks show. */
export function timeScale(dates: string[], left: number, right: number): TimeScale {
  const times = dates.map(toTime).filter(Number.isFinite)
  const first = times.length ? Math.min(...times) : Date.UTC(2000, 0, 1)
  const last = times.length ? Math.max(...times) : first
  const pad = Math.max((last - first) * 0.04, 15 * DAY)
  const [start, end] = [first - pad, last + pad]
  const at = (t: number) => left + ((t - start) / (end - start)) * (right - left)
  const monthly = end - start < 2 * 365 * DAY
  const ticks: Tick[] = []
  const cursor = new Date(start)
  cursor.setUTCDate(1)
  if (!monthly) cursor.setUTCMonth(0)
  for (cursor.setUTCHours(0, 0, 0, 0); cursor.getTime() <= end; ) {
    if (cursor.getTime() >= start) {
      const label = monthly
        ? cursor.toLocaleString('en', { month: 'short', timeZone: 'UTC' }) +
          (cursor.getUTCMonth() === 0 || ticks.length === 0 ? ` ${cursor.getUTCFullYear()}` : '')
        : String(cursor.getUTCFullYear())
      ticks.push({ x: at(cursor.getTime()), label })
    }
    if (monthly) cursor.setUTCMonth(cursor.getUTCMonth() + 1)
    else cursor.setUTCFullYear(cursor.getUTCFullYear() + 1)
  }
  return { x: (day: string) => at(toTime(day)), ticks }
}

export { ymd as formatYmd }
