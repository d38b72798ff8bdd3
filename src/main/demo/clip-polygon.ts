// Cuts a polygon with a half-plane (one Sutherland-Hodgman pass). Used to end the tail stock at
// the water surface, so the drawn silhouette and the box both stop where the whale leaves the sea.
import type { Point } from './svg-util'

/** Keeps the part of `polygon` where `side(p) <= 0`; side must be affine (a straight cut). */
export function clipHalfPlane(polygon: readonly Point[], side: (p: Point) => number): Point[] {
  const out: Point[] = []
  const n = polygon.length
  for (let i = 0; i < n; i++) {
    const a = polygon[i] as Point
    const b = polygon[(i + 1) % n] as Point
    const sa = side(a)
    const sb = side(b)
    if (sa <= 0) out.push(a)
    if ((sa < 0 && sb > 0) || (sa > 0 && sb < 0)) {
      const t = sa / (sa - sb)
      out.push({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t })
    }
  }
  return out
}
