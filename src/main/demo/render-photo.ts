// One finished photo: the developed scene, a little blur, EXIF orientation and JPEG encoding.
import sharp from 'sharp'
import { exifFor, type PhotoMeta } from './exif'
import type { FlukeIdentity } from './identity'
import type { PixelBox } from './photo-layout'
import { renderScene, type PhotoSize } from './render-scene'
import type { PhotoVariation } from './variation'

export type { PhotoSize } from './render-scene'

export interface RenderedPhoto {
  jpeg: Buffer
  /** The fluke's box in upright pixels (after applying EXIF orientation). */
  box: PixelBox
}

/** How the stored pixels are turned for each supported EXIF orientation (display turns them back). */
const STORED_ROTATION: Record<number, number> = { 1: 0, 3: 180, 6: 270, 8: 90 }

/**
 * One JPEG of `identity` varied by `v`. With `orientation` other than 1 the stored pixels are
 * turned so that a viewer applying the EXIF tag shows the intended upright picture; the returned
 * box is always in that upright frame. Without `meta` no date, place or camera is written.
 */
export async function renderFlukePhoto(
  identity: FlukeIdentity,
  v: PhotoVariation,
  size: PhotoSize,
  meta?: PhotoMeta,
  orientation = 1
): Promise<RenderedPhoto> {
  const turn = STORED_ROTATION[orientation]
  if (turn === undefined) throw new Error(`Unsupported EXIF orientation ${orientation}`)
  const scene = await renderScene(identity, v, size)
  const { pixels, width, height } = scene
  let image = sharp(pixels, { raw: { width, height, channels: 3 } })
  if (v.blur >= 0.3) image = image.blur(v.blur)
  if (turn !== 0) image = image.rotate(turn)
  image = image.jpeg({ quality: v.quality })
  if (meta) image = image.withExif(exifFor(meta))
  if (orientation !== 1) image = image.withMetadata({ orientation })
  if (!scene.box) throw new Error('A fluke scene always has a box')
  return { jpeg: await image.toBuffer(), box: scene.box }
}
