// One file's way into the catalogue: hash, probe, EXIF, thumbnail. Nothing is written to the
// catalogue here; the importer commits finished files in groups.
import { basename } from 'node:path'
import type { AnnotationSource, Box, GeoPoint, Quality, RejectedFile } from '../../shared/domain'
import { proposeBox } from '../boxes/propose-box'
import { readExif, type PhotoExif } from '../images/exif'
import { hashFile } from '../images/hash'
import { THUMB_SIZE } from '../images/limits'
import { RejectedImageError, probeImage, type ImageInfo } from '../images/probe'
import { cachedImagePath, renderCachedImage } from '../images/thumbnails'

export interface ImportItem {
  path: string
  display: string
  /** undefined: no label (folder import); null: explicitly unknown (new_whale). */
  individual?: string | null
  /** Values from an imported spreadsheet: they win over EXIF (see mergeTakenAt). */
  sheet?: SheetValues
}

export interface SheetValues {
  /** Day, minute or second precision. */
  takenAt: string | null
  gps: GeoPoint | null
  /** One per fluke the sheet names in this photo. */
  annotations: SheetAnnotation[]
}

export interface SheetAnnotation {
  row: number
  individual: string | null
  /** null: the box proposed at import (or the whole image). */
  box: Box | null
  rotation: number
  boxSource: AnnotationSource | null
  viewpoint: string | null
  quality: Quality | null
  /** The assignment's note: where the label came from. */
  note: string
}

export interface ProcessedPhoto {
  item: ImportItem
  hash: string
  info: ImageInfo
  exif: PhotoExif
  fileName: string
  /** The untrained proposal around the fluke, in upright original pixels; null: none. */
  proposedBox: Box | null
}

export type Outcome =
  | { kind: 'photo'; photo: ProcessedPhoto }
  | { kind: 'duplicate'; hash: string; item: ImportItem }
  | { kind: 'rejected'; rejected: RejectedFile }

export async function processFile(
  item: ImportItem,
  thumbsDir: string,
  isKnownHash: (hash: string) => boolean
): Promise<Outcome> {
  try {
    const hash = await hashFile(item.path)
    if (isKnownHash(hash)) return { kind: 'duplicate', hash, item }
    const info = await probeImage(item.path)
    const thumbnail = cachedImagePath(thumbsDir, hash, THUMB_SIZE)
    await renderCachedImage(item.path, thumbnail, THUMB_SIZE)
    const exif = await readExif(item.path)
    // From the upright thumbnail just made: the original is not decoded a second time.
    const proposedBox = await proposeBox(thumbnail, info).catch(() => null)
    return {
      kind: 'photo',
      photo: { item, hash, info, exif, fileName: basename(item.path), proposedBox }
    }
  } catch (error) {
    return { kind: 'rejected', rejected: { file: item.display, reason: reasonFor(error) } }
  }
}

function reasonFor(error: unknown): string {
  if (error instanceof RejectedImageError) return error.message
  const code = (error as NodeJS.ErrnoException).code
  if (code === 'ENOENT') return 'file not found'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied: the file cannot be read'
  if (code === 'EISDIR') return 'a folder, not a file'
  return error instanceof Error ? error.message : String(error)
}
