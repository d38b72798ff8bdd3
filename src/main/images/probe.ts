// Reads what the catalogue needs to know about an image file, and refuses, with a reason a
// person can act on, anything that is not a photo Flukeprint can show.
import { stat } from 'node:fs/promises'
import sharp, { type Metadata } from 'sharp'
import { MAX_PIXELS } from './limits'

export interface ImageInfo {
  format: string
  /** Upright size (EXIF orientation applied). */
  width: number
  height: number
  orientation: number
  byteSize: number
}

export class RejectedImageError extends Error {}

const DECODABLE = new Set(['jpeg', 'png', 'tiff', 'webp', 'heif', 'gif', 'avif'])

/** Reads the header only: cheap, and done before anything is decoded. */
export async function probeImage(path: string): Promise<ImageInfo> {
  const { size } = await stat(path)
  if (size === 0) throw new RejectedImageError('empty file (0 bytes)')
  let meta: Metadata
  try {
    meta = await sharp(path, { limitInputPixels: false }).metadata()
  } catch (error) {
    throw new RejectedImageError(`not a readable image (${firstLine(error)})`)
  }
  const { format, width, height } = meta
  if (!format || !DECODABLE.has(format) || !width || !height) {
    throw new RejectedImageError(`unsupported image format (${format ?? 'unknown'})`)
  }
  if (width * height > MAX_PIXELS) {
    const mp = Math.round((width * height) / 1e6)
    throw new RejectedImageError(
      `image is ${width} x ${height} pixels (${mp} MP), above the ${MAX_PIXELS / 1e6} MP limit: not a photo, or a decompression bomb`
    )
  }
  const orientation =
    meta.orientation && meta.orientation >= 1 && meta.orientation <= 8 ? meta.orientation : 1
  const swap = orientation >= 5
  return {
    format: format === 'heif' ? 'heic' : format,
    width: swap ? height : width,
    height: swap ? width : height,
    orientation,
    byteSize: size
  }
}

export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error)
  return text.split('\n')[0]?.trim() ?? text
}
