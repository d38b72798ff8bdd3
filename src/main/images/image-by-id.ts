// Images leave the core only by photo id: a request can never name a path to read.
import type { ImageKind } from '../../shared/contract'
import type { Catalog } from '../catalog/catalog'
import { UserError } from '../errors'
import { PREVIEW_SIZE, THUMB_SIZE } from './limits'
import { ensureCachedImage } from './thumbnails'

const SIZES: Record<ImageKind, number> = { thumb: THUMB_SIZE, preview: PREVIEW_SIZE }

export function isImageKind(kind: string): kind is ImageKind {
  return Object.hasOwn(SIZES, kind)
}

/** The cached JPEG for a photo of the open catalogue, made on first request. */
export async function imageFileFor(
  catalog: Catalog | null,
  kind: ImageKind,
  photoId: string
): Promise<string> {
  const photo = catalog?.data.photos.find((p) => p.id === photoId)
  if (!catalog || !photo)
    throw new UserError(`No photo ${photoId} in the open catalogue`, 'not-found')
  return ensureCachedImage(catalog.thumbsDir, photo, SIZES[kind])
}
