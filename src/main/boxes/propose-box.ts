// A first box around the fluke, with no training: a fluke is a compact shape against sea and
// sky. Pixels far from their row's background (more than one standard deviation above the
// mean distance, background-distance.ts) form a mask, grown by two pixels so a fluke's dark
// body and pale marks join; the largest blob's bounding box is the proposal. On the demo
// photos it reaches a mean IoU of about 0.87 with the true boxes (docs/benchmarks.md); null
// means nothing stood out, and the whole photo is kept.
import type { Box } from '../../shared/domain'
import { analysePhoto, type PhotoAnalysis } from './background-distance'
import { largestBlob } from './blobs'

const GROW = 2
/** A blob smaller than this share of the image is a bird or a wave crest, not a fluke. */
const MIN_AREA = 0.005
/** A box over more than this share says no more than the whole photo. */
const MAX_AREA = 0.9

/** A box with its corners as shares of the photo's width and height (0..1). */
export interface UnitBox {
  x0: number
  y0: number
  x1: number
  y1: number
}

/** `image`: a file or encoded image, upright; `size`: the upright original's pixel size. */
export async function proposeBox(
  image: string | Buffer,
  size: { width: number; height: number }
): Promise<Box | null> {
  const unit = untrainedUnitBox(await analysePhoto(image))
  return unit ? toPixels(unit, size) : null
}

/** The untrained proposal on an analysed photo, or null when nothing stood out. */
export function untrainedUnitBox(analysis: PhotoAnalysis): UnitBox | null {
  const { width, height, distance, threshold } = analysis
  const mask = grow(
    Uint8Array.from(distance, (v) => (v > threshold ? 1 : 0)),
    width,
    height,
    GROW
  )
  const blob = largestBlob(mask, width, height)
  if (!blob || blob.pixels < MIN_AREA * width * height) return null
  // The mask was grown by GROW pixels on every side: take that back.
  const x0 = Math.max(0, blob.box.x + GROW)
  const y0 = Math.max(0, blob.box.y + GROW)
  const x1 = Math.min(width, blob.box.x + blob.box.width - GROW)
  const y1 = Math.min(height, blob.box.y + blob.box.height - GROW)
  if (x1 - x0 < 2 || y1 - y0 < 2) return null
  if ((x1 - x0) * (y1 - y0) > MAX_AREA * width * height) return null
  return { x0: x0 / width, y0: y0 / height, x1: x1 / width, y1: y1 / height }
}

export function toPixels(unit: UnitBox, size: { width: number; height: number }): Box {
  const x = Math.round(unit.x0 * size.width)
  const y = Math.round(unit.y0 * size.height)
  return {
    x,
    y,
    width: Math.max(2, Math.round(unit.x1 * size.width) - x),
    height: Math.max(2, Math.round(unit.y1 * size.height) - y)
  }
}

export function toUnit(box: Box, size: { width: number; height: number }): UnitBox {
  return {
    x0: box.x / size.width,
    y0: box.y / size.height,
    x1: (box.x + box.width) / size.width,
    y1: (box.y + box.height) / size.height
  }
}

/** Grows the mask by `steps` pixels (4-neighbour dilation). */
function grow(mask: Uint8Array, width: number, height: number, steps: number): Uint8Array {
  let current = Uint8Array.from(mask)
  for (let step = 0; step < steps; step++) {
    const next = Uint8Array.from(current)
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const at = y * width + x
        if (current[at]) continue
        if (
          (x > 0 && current[at - 1]) ||
          (x < width - 1 && current[at + 1]) ||
          (y > 0 && current[at - width]) ||
          (y < height - 1 && current[at + width])
        )
          next[at] = 1
      }
    }
    current = next
  }
  return current
}
