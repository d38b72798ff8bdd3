// Cuts an annotation's box out of its photo, straightened and resized to the model's input:
// the only way pixels enter the engine. Boxes live in the upright original's pixels (EXIF
// orientation applied), so the photo is auto-oriented first, whatever the camera wrote.
import sharp, { type OutputInfo, type Sharp } from 'sharp'
import type { Box } from '../../../shared/domain'
import { MAX_PIXELS } from '../../images/limits'

export interface CropSpec {
  width: number
  height: number
  channels: 1 | 3
}

export interface CropSource {
  path: string
  /** null: the whole upright photo. */
  box: Box | null
  /** Degrees clockwise of the box about its centre; the crop is turned back upright. */
  rotation: number
}

/** Raw pixels, row-major, interleaved channels: width * height * channels bytes. */
export type CropPixels = Uint8Array

const open = (path: string) =>
  sharp(path, { limitInputPixels: MAX_PIXELS, failOn: 'error' }).autoOrient()

export async function cropAnnotation(source: CropSource, spec: CropSpec): Promise<CropPixels> {
  const straight = !source.box
    ? open(source.path)
    : source.rotation % 360 === 0
      ? await plainCrop(source.path, source.box)
      : await rotatedCrop(source.path, source.box, source.rotation)
  const resized = straight.resize(spec.width, spec.height, { fit: 'fill', kernel: 'lanczos3' })
  const coloured =
    spec.channels === 1 ? resized.greyscale() : resized.removeAlpha().toColourspace('srgb')
  const { data, info } = await coloured.raw().toBuffer({ resolveWithObject: true })
  if (info.channels !== spec.channels) {
    throw new Error(`crop came out with ${info.channels} channels instead of ${spec.channels}`)
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.length)
}

async function plainCrop(path: string, box: Box): Promise<Sharp> {
  const { width = 0, height = 0 } = await upright(path)
  const region = clampRegion(box.x, box.y, box.width, box.height, width, height)
  // Two pipelines, raw pixels between them: sharp would otherwise resize before extracting.
  return fromRaw(await open(path).extract(region).raw().toBuffer({ resolveWithObject: true }))
}

/**
 * Extracts the upright bounding square of the rotated box (clamped to the image), turns it
 * back by -rotation about its own centre, then cuts the box from the middle. Corners turned
 * in from outside the photo are mid-grey, not black, so that after normalisation they are
 * close to zero rather than a strong feature.
 */
async function rotatedCrop(path: string, box: Box, rotation: number): Promise<Sharp> {
  const { width = 0, height = 0 } = await upright(path)
  const cx = box.x + box.width / 2
  const cy = box.y + box.height / 2
  const radius = Math.hypot(box.width, box.height) / 2
  const region = clampRegion(cx - radius, cy - radius, 2 * radius, 2 * radius, width, height)
  const turned = await open(path)
    .extract(region)
    .rotate(-rotation, { background: { r: 128, g: 128, b: 128, alpha: 1 } })
    .raw()
    .toBuffer({ resolveWithObject: true })
  // Where the box centre lands after turning the region about its own centre.
  const theta = (-rotation * Math.PI) / 180
  const dx = cx - (region.left + region.width / 2)
  const dy = cy - (region.top + region.height / 2)
  const nx = dx * Math.cos(theta) - dy * Math.sin(theta) + turned.info.width / 2
  const ny = dx * Math.sin(theta) + dy * Math.cos(theta) + turned.info.height / 2
  const inner = clampRegion(
    nx - box.width / 2,
    ny - box.height / 2,
    box.width,
    box.height,
    turned.info.width,
    turned.info.height
  )
  return fromRaw(turned).extract(inner)
}

function fromRaw({ data, info }: { data: Buffer; info: OutputInfo }): Sharp {
  return sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } })
}

async function upright(path: string): Promise<{ width?: number; height?: number }> {
  const meta = await sharp(path).metadata()
  const swap = (meta.orientation ?? 1) >= 5
  return swap
    ? { width: meta.height, height: meta.width }
    : { width: meta.width, height: meta.height }
}

export function clampRegion(
  x: number,
  y: number,
  w: number,
  h: number,
  maxW: number,
  maxH: number
) {
  const left = Math.max(0, Math.min(maxW - 1, Math.round(x)))
  const top = Math.max(0, Math.min(maxH - 1, Math.round(y)))
  const right = Math.max(left + 1, Math.min(maxW, Math.round(x + w)))
  const bottom = Math.max(top + 1, Math.min(maxH, Math.round(y + h)))
  return { left, top, width: right - left, height: bottom - top }
}
