// Where the fluke goes in the frame, and its true bounding box. The box comes from the same
// polygon and transform that draw the silhouette, so it is exact up to anti-aliasing (covered by
// rounding outwards).
import { clipHalfPlane } from './clip-polygon'
import { flukeOutline, waterlineY } from './fluke-shape'
import type { FlukeIdentity } from './identity'
import { num, type Point } from './svg-util'
import type { PhotoVariation } from './variation'

export interface PixelBox {
  x: number
  y: number
  width: number
  height: number
}

export interface FlukeLayout {
  /** The visible silhouette in fluke units (stock cut off at the water surface). */
  outline: Point[]
  /** Where the water surface crosses the stock, and its direction, in fluke units. */
  water: { at: Point; along: Point }
  /** SVG transform from fluke units to image pixels. */
  transform: string
  box: PixelBox
}

interface Frame {
  cos: number
  sin: number
  sx: number
  sy: number
}

const apply = (f: Frame, p: Point): Point => {
  const x = p.x * f.sx
  const y = p.y * f.sy
  return { x: x * f.cos - y * f.sin, y: x * f.sin + y * f.cos }
}

function extent(points: readonly Point[]) {
  const xs = points.map((p) => p.x)
  const ys = points.map((p) => p.y)
  return {
    minX: Math.min(...xs),
    minY: Math.min(...ys),
    maxX: Math.max(...xs),
    maxY: Math.max(...ys)
  }
}

/** The outline with the stock cut by a level (in the image) water surface. */
function visibleOutline(identity: FlukeIdentity, unit: Frame) {
  const at = { x: 0, y: waterlineY(identity.shape) }
  const level = apply(unit, at).y
  const cut = clipHalfPlane(flukeOutline(identity.shape), (p) => apply(unit, p).y - level)
  // The image's horizontal direction, seen in fluke units (inverse rotation, then inverse squash).
  const along = { x: unit.cos / unit.sx, y: -unit.sin / unit.sy }
  const outline = cut.map((p) => ({ x: Number(num(p.x)), y: Number(num(p.y)) }))
  return { outline, water: { at, along } }
}

export function layoutFluke(
  identity: FlukeIdentity,
  v: PhotoVariation,
  width: number,
  height: number
): FlukeLayout {
  // Round what goes into the SVG first, so the box is computed from exactly what is drawn.
  const degrees = Number(num(v.rotation, 4))
  const angle = (degrees * Math.PI) / 180
  const margin = Math.round(Math.min(width, height) * 0.03)
  const unit: Frame = { cos: Math.cos(angle), sin: Math.sin(angle), sx: v.squashX, sy: v.squashY }
  const { outline, water } = visibleOutline(identity, unit)
  const e = extent(outline.map((p) => apply(unit, p)))
  // A lobe is about one unit, so the span is about two; shrink if the fluke would not fit.
  const fit = Math.min(
    (width - 2 * margin) / (e.maxX - e.minX),
    (height - 2 * margin) / (e.maxY - e.minY)
  )
  const scale = Math.min((v.coverage * width) / 2, fit * 0.999)
  const sx = Number(num(unit.sx * scale, 4))
  const sy = Number(num(unit.sy * scale, 4))
  const frame: Frame = { ...unit, sx, sy }
  const b = extent(outline.map((p) => apply(frame, p)))
  const waterY = apply(frame, water.at).y
  const loX = margin - b.minX
  const hiX = width - margin - b.maxX
  const hiY = height - margin - b.maxY
  let loY = margin - b.minY
  // Keep the water surface at the stock below the horizon, where the sea is.
  if (v.sea.horizon !== null)
    loY = Math.min(hiY, Math.max(loY, (v.sea.horizon + 0.05) * height - waterY))
  const tx = Math.round(loX + (hiX - loX) * v.place.x)
  const ty = Math.round(loY + (hiY - loY) * v.place.y)
  const x0 = Math.max(0, Math.floor(b.minX + tx))
  const y0 = Math.max(0, Math.floor(b.minY + ty))
  const x1 = Math.min(width, Math.ceil(b.maxX + tx))
  const y1 = Math.min(height, Math.ceil(b.maxY + ty))
  return {
    outline,
    water,
    transform: `translate(${tx} ${ty}) rotate(${degrees}) scale(${sx} ${sy})`,
    box: { x: x0, y: y0, width: x1 - x0, height: y1 - y0 }
  }
}
