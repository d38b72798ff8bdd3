// Downscaled, upright JPEG copies of photos, cached by content hash and size: the same photo
// imported from two places shares one file, and a renamed original still finds its thumbnail.
import { mkdir, rename, stat, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { MAX_PIXELS } from './limits'
import { RejectedImageError, firstLine } from './probe'

export function cachedImagePath(thumbsDir: string, hash: string, size: number): string {
  return join(thumbsDir, hash.slice(0, 2), `${hash}-${size}.jpg`)
}

/**
 * Decodes the whole original (a truncated or corrupt file fails here, with sharp's
 * failOn: 'warning') and writes the downscaled copy by temp file + rename.
 */
export async function renderCachedImage(
  originalPath: string,
  target: string,
  size: number
): Promise<void> {
  let jpeg: Buffer
  try {
    jpeg = await sharp(originalPath, { limitInputPixels: MAX_PIXELS, failOn: 'warning' })
      .rotate()
      .resize(size, size, { fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: size > 512 ? 85 : 78, mozjpeg: false })
      .toBuffer()
  } catch (error) {
    throw new RejectedImageError(`cannot decode the image (${firstLine(error)})`)
  }
  await writeCacheFile(target, jpeg)
}

/** Writes by temp file + rename, so a reader never sees half an image. */
export async function writeCacheFile(target: string, bytes: Buffer): Promise<void> {
  await mkdir(join(target, '..'), { recursive: true })
  const temp = `${target}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`
  await writeFile(temp, bytes)
  await rename(temp, target)
}

const inFlight = new Map<string, Promise<string>>()

/** `target` once it exists, rendered on first request; concurrent requests share one render. */
export async function cachedOnce(target: string, render: () => Promise<void>): Promise<string> {
  if (await exists(target)) return target
  const pending = inFlight.get(target)
  if (pending) return pending
  const made = render()
    .then(() => target)
    .finally(() => inFlight.delete(target))
  inFlight.set(target, made)
  return made
}

/** The cached copy's path, made on first request; concurrent requests share one render. */
export async function ensureCachedImage(
  thumbsDir: string,
  photo: { originalPath: string; hash: string },
  size: number
): Promise<string> {
  const target = cachedImagePath(thumbsDir, photo.hash, size)
  return cachedOnce(target, () => renderCachedImage(photo.originalPath, target, size))
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path)
    return true
  } catch {
    return false
  }
}
