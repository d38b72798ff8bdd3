// Images leave the core only by id: a request can never name a path to read. Whole photos are
// addressed by photo id, fluke crops by annotation id, both only within the open catalogue.
import type { ImageKind } from '../../shared/contract'
import type { Catalog } from '../catalog/catalog'
import { UserError } from '../errors'
import { CROP_FULL_SIZE, CROP_SIZE, ensureCachedCrop } from './annotation-crop'
import { PREVIEW_SIZE, THUMB_SIZE } from './limits'
import { ensureCachedImage } from './thumbnails'

const SIZES: Record<ImageKind, number> = {
  thumb: THUMB_SIZE,
  preview: PREVIEW_SIZE,
  crop: CROP_SIZE,
  'crop-full': CROP_FULL_SIZE
}

export function isImageKind(kind: string): kind is ImageKind {
  return Object.hasOwn(SIZES, kind)
}

/** The cached JPEG for a photo or annotation of the open catalogue, made on first request. */
export async function imageFileFor(
  catalog: Catalog | null,
  kind: ImageKind,
  id: string
): Promise<string> {
  if (kind === 'crop' || kind === 'crop-full') {
    const annotation = catalog?.data.annotations.find((a) => a.id === id)
    const photo = catalog?.data.photos.find((p) => p.id === annotation?.photoId)
    if (!catalog || !annotation || !photo)
      throw new UserError(`No annotation ${id} in the open catalogue`, 'not-found')
    return ensureCachedCrop(catalog.thumbsDir, photo, annotation, SIZES[kind])
  }
  const photo = catalog?.data.photos.find((p) => p.id === id)
  if (!catalog || !photo) throw new UserError(`No photo ${id} in the open catalogue`, 'not-found')
  return ensureCachedImage(catalog.thumbsDir, photo, SIZES[kind])
}
