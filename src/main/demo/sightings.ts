// When and where the demo photos were taken. Photos of one individual come in sightings: a burst
// of frames a few seconds to minutes apart at one spot, on a summer day in one of a few field
// seasons, at known Gulf of Maine feeding grounds (all offshore, so every position is at sea).
import type { Rng } from './prng'

export interface Shot {
  /** Local time, "2021-07-04T10:11:12". */
  takenAt: string
  lat: number
  lon: number
  make: string
  model: string
}

/** Feeding grounds, centred well away from land so a few km of jitter stays at sea. */
const SITES: readonly { lat: number; lon: number }[] = [
  { lat: 42.35, lon: -70.3 }, // Stellwagen Bank
  { lat: 42.8, lon: -70.2 }, // Jeffreys Ledge
  { lat: 41.4, lon: -69.1 }, // Great South Channel
  { lat: 42.9, lon: -68.95 }, // Cashes Ledge
  { lat: 43.85, lon: -68.1 }, // south of Mount Desert Rock
  { lat: 41.95, lon: -67.6 } // northern edge of Georges Bank
]

const CAMERAS: readonly { make: string; model: string }[] = [
  { make: 'Canon', model: 'Canon EOS 7D Mark II' },
  { make: 'Canon', model: 'Canon EOS R7' },
  { make: 'NIKON CORPORATION', model: 'NIKON D500' },
  { make: 'SONY', model: 'ILCE-7RM4' }
]

/** Field seasons of the labelled photos; new sightings come from the season after. */
export const LABELLED_SEASONS: readonly number[] = [2019, 2020, 2021, 2022]
export const NEW_SEASON = 2023

const pad = (n: number): string => String(n).padStart(2, '0')
const round6 = (v: number): number => Math.round(v * 1e6) / 1e6

function localTime(year: number, dayOfSeason: number, seconds: number): string {
  // Computed in UTC only as a calendar: the result is a zone-less local time, like EXIF.
  const d = new Date(Date.UTC(year, 5, 1) + dayOfSeason * 86_400_000 + seconds * 1000)
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  return `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

/** One sighting: `count` frames (1..4 usually) from the same boat within a few minutes. */
function sighting(rng: Rng, count: number, seasons: readonly number[]): Shot[] {
  const year = rng.pick(seasons)
  const day = rng.int(0, 136) // 1 June to 15 October
  let seconds = rng.int(7 * 3600 + 1800, 17 * 3600 + 1800)
  const site = rng.pick(SITES)
  const lat = site.lat + rng.range(-0.04, 0.04)
  const lon = site.lon + rng.range(-0.05, 0.05)
  const camera = rng.pick(CAMERAS)
  return Array.from({ length: count }, () => {
    seconds += rng.int(3, 120)
    return {
      takenAt: localTime(year, day, seconds),
      lat: round6(lat + rng.range(-0.002, 0.002)),
      lon: round6(lon + rng.range(-0.003, 0.003)),
      ...camera
    }
  })
}

/** `count` shots of one individual, grouped into sightings of one to four frames. */
export function planSightings(rng: Rng, count: number, seasons: readonly number[]): Shot[] {
  const shots: Shot[] = []
  while (shots.length < count) {
    shots.push(...sighting(rng, Math.min(count - shots.length, rng.int(1, 4)), seasons))
  }
  return shots
}
