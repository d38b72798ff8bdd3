// EXIF for a demo photo, in the shape sharp's withExif() takes. libvips names the directories
// IFD0 (image), IFD2 (Exif sub-IFD) and IFD3 (GPS) and parses rationals from "n/d n/d n/d"
// strings, so sharp writes dates, camera and GPS itself; no hand-built APP1 segment is needed.
import type { Exif } from 'sharp'

export interface PhotoMeta {
  /** Local time without zone, "2021-07-04T10:11:12" (EXIF has no zone either). */
  takenAt: string
  lat: number
  lon: number
  make: string
  model: string
}

/** "2021-07-04T10:11:12" to EXIF's "2021:07:04 10:11:12". */
export function exifDate(takenAt: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/.exec(takenAt)
  if (!m) throw new Error(`takenAt must look like 2021-07-04T10:11:12, got ${takenAt}`)
  return `${m[1]}:${m[2]}:${m[3]} ${m[4]}:${m[5]}:${m[6]}`
}

/** Degrees as EXIF degree/minute/second rationals; seconds to 1/10000 (about 3 mm). */
export function dmsRationals(value: number): string {
  const totalTenThousandths = Math.round(Math.abs(value) * 3600 * 10000)
  const degrees = Math.floor(totalTenThousandths / (3600 * 10000))
  const rest = totalTenThousandths - degrees * 3600 * 10000
  const minutes = Math.floor(rest / (60 * 10000))
  const seconds = rest - minutes * 60 * 10000
  return `${degrees}/1 ${minutes}/1 ${seconds}/10000`
}

export function exifFor(meta: PhotoMeta): Exif {
  const date = exifDate(meta.takenAt)
  return {
    IFD0: {
      Make: meta.make,
      Model: meta.model,
      DateTime: date,
      Software: 'Flukeprint demo generator',
      ImageDescription: 'Synthetic humpback fluke (demo data, not a real sighting)'
    },
    IFD2: { DateTimeOriginal: date, DateTimeDigitized: date },
    IFD3: {
      GPSLatitudeRef: meta.lat >= 0 ? 'N' : 'S',
      GPSLatitude: dmsRationals(meta.lat),
      GPSLongitudeRef: meta.lon >= 0 ? 'E' : 'W',
      GPSLongitude: dmsRationals(meta.lon),
      GPSMapDatum: 'WGS-84'
    }
  }
}
