// Training augmentation on one crop, in plain JS so it runs the same on every backend:
// small rotation, scale, shear and shift (bilinear, edges replicated), then brightness and
// contrast. Never a left-right flip: a mirrored fluke is another whale's pattern.
export interface AugmentRanges {
  rotationDeg: number
  scale: number
  shearDeg: number
  shift: number
  brightness: number
  contrast: number
}

export const DEFAULT_AUGMENT: AugmentRanges = {
  rotationDeg: 10,
  scale: 0.1,
  shearDeg: 5,
  shift: 0.06,
  brightness: 0.2,
  contrast: 0.2
}

/**
 * `image` holds width * height * channels standardised floats; returns a new array.
 * `random` gives uniform numbers in [0, 1).
 */
export function augment(
  image: Float32Array,
  width: number,
  height: number,
  channels: number,
  random: () => number,
  ranges: AugmentRanges = DEFAULT_AUGMENT
): Float32Array {
  const between = (r: number) => (random() * 2 - 1) * r
  const angle = (between(ranges.rotationDeg) * Math.PI) / 180
  const shear = (between(ranges.shearDeg) * Math.PI) / 180
  const scale = 1 + between(ranges.scale)
  const tx = between(ranges.shift) * width
  const ty = between(ranges.shift) * height
  const gain = 1 + between(ranges.contrast)
  const offset = between(ranges.brightness) / 0.25 // in standardised units, as the reference
  // Inverse map: for each output pixel, where it comes from in the input.
  const cos = Math.cos(angle) / scale
  const sin = Math.sin(angle) / scale
  const tan = Math.tan(shear)
  const cx = width / 2
  const cy = height / 2
  const out = new Float32Array(image.length)
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const dx = x - cx - tx
      const dy = y - cy - ty
      const sx = cos * dx + (sin + cos * tan) * dy + cx
      const sy = -sin * dx + (cos - sin * tan) * dy + cy
      for (let c = 0; c < channels; c++) {
        out[(y * width + x) * channels + c] =
          bilinear(image, width, height, channels, sx, sy, c) * gain + offset
      }
    }
  }
  return out
}

function bilinear(
  image: Float32Array,
  w: number,
  h: number,
  channels: number,
  x: number,
  y: number,
  c: number
) {
  const cx = Math.min(Math.max(x, 0), w - 1)
  const cy = Math.min(Math.max(y, 0), h - 1)
  const x0 = Math.floor(cx)
  const y0 = Math.floor(cy)
  const x1 = Math.min(x0 + 1, w - 1)
  const y1 = Math.min(y0 + 1, h - 1)
  const fx = cx - x0
  const fy = cy - y0
  const at = (xx: number, yy: number) => image[(yy * w + xx) * channels + c] ?? 0
  const top = at(x0, y0) * (1 - fx) + at(x1, y0) * fx
  const bottom = at(x0, y1) * (1 - fx) + at(x1, y1) * fx
  return top * (1 - fy) + bottom * fy
}

/** Per-image standardisation: zero mean, unit variance. Lighting varies far more between
 * survey days than the pattern does, so each crop is normalised on its own. */
export function standardise(pixels: Uint8Array): Float32Array {
  let sum = 0
  for (const v of pixels) sum += v
  const mean = sum / pixels.length
  let sq = 0
  for (const v of pixels) sq += (v - mean) ** 2
  const std = Math.max(Math.sqrt(sq / pixels.length), 1)
  const out = new Float32Array(pixels.length)
  for (let i = 0; i < pixels.length; i++) out[i] = ((pixels[i] ?? 0) - mean) / std
  return out
}
