// EXIF via exifr: date-time as the camera wrote it (local time, no zone), GPS, camera.
import exifr from 'exifr'
import type { Camera, GeoPoint } from '../../shared/domain'

export interface PhotoExif {
  takenAt: string | null
  gps: GeoPoint | null
  camera: Camera | null
}

const NO_EXIF: PhotoExif = { takenAt: null, gps: null, camera: null }

interface RawExif {
  DateTimeOriginal?: string
  CreateDate?: string
  DateTime?: string
  latitude?: number
  longitude?: number
  GPSAltitude?: number
  Make?: string
  Model?: string
}

export async function readExif(path: string): Promise<PhotoExif> {
  let raw: RawExif | undefined
  try {
    // reviveValues: false keeps dates as the camera's text; exifr would otherwise read them
    // in this computer's time zone, shifting a survey's times by the time zone of the lab.
    raw = (await exifr.parse(path, {
      tiff: true,
      exif: true,
      gps: true,
      reviveValues: false,
      pick: [
        'DateTimeOriginal',
        'CreateDate',
        'DateTime',
        'GPSLatitude',
        'GPSLatitudeRef',
        'GPSLongitude',
        'GPSLongitudeRef',
        'GPSAltitude',
        'Make',
        'Model'
      ]
    })) as RawExif | undefined
  } catch {
    // A photo without readable EXIF is still a photo: it just has no date or place.
    return NO_EXIF
  }
  if (!raw) return NO_EXIF
  return {
    takenAt: exifDateToIso(raw.DateTimeOriginal ?? raw.CreateDate ?? raw.DateTime),
    gps: toGeo(raw),
    camera:
      raw.Make || raw.Model ? clean({ make: raw.Make?.trim(), model: raw.Model?.trim() }) : null
  }
}

function clean(camera: Camera): Camera {
  const result: Camera = {}
  if (camera.make) result.make = camera.make
  if (camera.model) result.model = camera.model
  return result
}

function toGeo(raw: RawExif): GeoPoint | null {
  const { latitude: lat, longitude: lon } = raw
  if (typeof lat !== 'number' || typeof lon !== 'number') return null
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
    return null
  }
  if (lat === 0 && lon === 0) return null // cameras without a fix often write 0,0
  const alt = typeof raw.GPSAltitude === 'number' ? raw.GPSAltitude : undefined
  return alt === undefined ? { lat, lon } : { lat, lon, alt }
}

/** "2024:07:01 10:22:05" -> "2024-07-01T10:22:05"; anything unparseable -> null. */
export function exifDateToIso(value: unknown): string | null {
  if (typeof value !== 'string') return null
  const m = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2}):(\d{2})/.exec(value.trim())
  if (!m) return null
  const [, y, mo, d, h, mi, s] = m
  if (y === '0000' || mo === '00' || d === '00') return null
  return `${y}-${mo}-${d}T${h}:${mi}:${s}`
}
