// What a camera and the weather do to the rendered scene, done on raw RGB in plain JS so it stays
// deterministic: a lighting curve (brightness, contrast, gamma) with white balance, broad patches
// of light and shade (cloud shadows, swell), and sensor noise.
import { Rng } from './prng'
import type { PhotoVariation } from './variation'

/** One lookup table per channel: contrast about mid-grey, then brightness and tint, then gamma. */
function curves(v: PhotoVariation): Uint8ClampedArray[] {
  return v.tint.map((tint) =>
    Uint8ClampedArray.from({ length: 256 }, (_, i) => {
      const c = Math.min(1, Math.max(0, (i / 255 - 0.5) * v.contrast + 0.5))
      return 255 * Math.pow(Math.min(1, c * v.brightness * tint), 1 / v.gamma)
    })
  )
}

const COLS = 8
const ROWS = 6

/**
 * Gains for one row from a coarse random grid, bilinearly interpolated: soft, large-scale light
 * variation. Computed a row at a time so the per-pixel loop stays a table lookup.
 */
function rowGains(grid: Float64Array, y: number, height: number, out: Float32Array): void {
  const gy = (y / height) * (ROWS - 1)
  const r = Math.min(ROWS - 2, Math.floor(gy))
  const fy = gy - r
  const step = (COLS - 1) / out.length
  for (let x = 0; x < out.length; x++) {
    const gx = x * step
    const c = Math.floor(gx)
    const fx = gx - c
    const k = r * COLS + c
    const top = grid[k]! * (1 - fx) + grid[k + 1]! * fx
    const bottom = grid[k + COLS]! * (1 - fx) + grid[k + COLS + 1]! * fx
    out[x] = 1 + top * (1 - fy) + bottom * fy
  }
}

/** Develops `pixels` (packed RGB, `width` x `height`) in place. */
export function develop(pixels: Buffer, width: number, height: number, v: PhotoVariation): void {
  const [r, g, b] = curves(v) as [Uint8ClampedArray, Uint8ClampedArray, Uint8ClampedArray]
  const rng = new Rng(v.seed ^ 0x5eed)
  const swell = rng.range(0.03, 0.1)
  const grid = Float64Array.from({ length: COLS * ROWS }, () => rng.range(-swell, swell))
  const gains = new Float32Array(width)
  const spread = v.noise * 3.46 // a uniform of this width has the requested standard deviation
  // A clamped view: writes saturate at 0 and 255 (a plain Buffer would wrap around).
  const out = new Uint8ClampedArray(pixels.buffer, pixels.byteOffset, pixels.length)
  let i = 0
  for (let y = 0; y < height; y++) {
    rowGains(grid, y, height, gains)
    for (let x = 0; x < width; x++, i += 3) {
      const gain = gains[x] ?? 1
      const n = (rng.float() - 0.5) * spread
      out[i] = (r[out[i] ?? 0] ?? 0) * gain + n
      out[i + 1] = (g[out[i + 1] ?? 0] ?? 0) * gain + n
      out[i + 2] = (b[out[i + 2] ?? 0] ?? 0) * gain + n
    }
  }
}
