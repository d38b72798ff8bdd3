// The fluke as a person compares it: the annotation's box cut from the upright original and
// turned straight, at its own aspect ratio. Cached per box version, so a corrected box is
// never shown with a stale crop.
import { createHash } from 'node:crypto'
import { join } from 'node:path'
import sharp from 'sharp'
import type { Annotation, Photo } from '../../shared/domain'
import { cropAnnotation } from '../engine/preprocess/crop'
import { RejectedImageError, firstLine } from './probe'
import { cachedOnce, writeCacheFile } from './thumbnails'

export const CROP_SIZE = 768
/** Zoomed in, the comparison reads the box at up to this many pixels on its long side. */
export const CROP_FULL_SIZE = 4096

export function cachedCropPath(thumbsDir: string, annotation: Annotation, size: number): string {
  const version = createHash('sha256')
    .update(`${annotation.updatedAt}|${JSON.stringify(annotation.box)}|${annotation.rotation}`)
    .digest('hex')
    .slice(0, 12)
  return join(
    thumbsDir,
    'crops',
    annotation.id.slice(0, 2),
    `${annotation.id}-${version}-${size}.jpg`
  )
}

export async function ensureCachedCrop(
  thumbsDir: string,
  photo: Photo,
  annotation: Annotation,
  size: number
): Promise<string> {
  const target = cachedCropPath(thumbsDir, annotation, size)
  return cachedOnce(target, () => renderCrop(photo, annotation, size, target))
}

async function renderCrop(photo: Photo, annotation: Annotation, size: number, target: string) {
  const { box } = annotation
  const scale = Math.min(1, size / Math.max(box.width, box.height))
  const width = Math.max(1, Math.round(box.width * scale))
  const height = Math.max(1, Math.round(box.height * scale))
  let jpeg: Buffer
  try {
    const pixels = await cropAnnotation(
      { path: photo.originalPath, box, rotation: annotation.rotation },
      { width, height, channels: 3 }
    )
    jpeg = await sharp(pixels, { raw: { width, height, channels: 3 } })
      .jpeg({ quality: 88 })
      .toBuffer()
  } catch (error) {
    throw new RejectedImageError(
      `cannot cut the fluke from ${photo.fileName} (${firstLine(error)})`
    )
  }
  await writeCacheFile(target, jpeg)
}
