// The scene as raw pixels: SVG (sea + fluke) through librsvg, then the camera-like touches of
// develop(). Passing no identity draws the same sea alone, pixel for pixel, which lets tests
// check that the fluke (and nothing else) differs inside its box.
import sharp from 'sharp'
import { develop } from './develop'
import { flukeSvg } from './fluke-svg'
import type { FlukeIdentity } from './identity'
import { layoutFluke, type PixelBox } from './photo-layout'
import { css, mix, seaSvg } from './sea-background'
import type { PhotoVariation } from './variation'

export interface PhotoSize {
  width: number
  height: number
}

export interface RawScene {
  /** Packed RGB, row-major, width x height x 3. */
  pixels: Buffer
  width: number
  height: number
  /** The fluke's box; null for a sea-only scene. */
  box: PixelBox | null
}

export function sceneSvg(identity: FlukeIdentity | null, v: PhotoVariation, size: PhotoSize) {
  const { width, height } = size
  const layout = identity ? layoutFluke(identity, v, width, height) : null
  const foam = css(mix(v.sea.far, [225, 232, 232], 0.7))
  const fluke = identity && layout ? flukeSvg(identity, layout, { foam, light: v.light }) : ''
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    seaSvg(v.sea, v.seed, width, height) +
    fluke +
    `</svg>`
  return { svg, box: layout?.box ?? null }
}

export async function renderScene(
  identity: FlukeIdentity | null,
  v: PhotoVariation,
  size: PhotoSize
): Promise<RawScene> {
  const { svg, box } = sceneSvg(identity, v, size)
  const { data, info } = await sharp(Buffer.from(svg))
    .removeAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true })
  develop(data, info.width, info.height, v)
  return { pixels: data, width: info.width, height: info.height, box }
}
