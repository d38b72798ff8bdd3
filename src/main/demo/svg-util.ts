// Small helpers for writing SVG text. Numbers are rounded so the SVG (and thus the rendered pixels)
// does not depend on float noise in the last digits, and so the strings stay short.

export interface Point {
  x: number
  y: number
}

/** A number with at most `digits` decimals and no trailing zeros ("-0" becomes "0"). */
export function num(value: number, digits = 3): string {
  const rounded = Number(value.toFixed(digits))
  return Object.is(rounded, -0) ? '0' : String(rounded)
}

/** An open or closed polyline as path data. */
export function polylinePath(points: readonly Point[], close: boolean): string {
  const parts = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)} ${num(p.y)}`)
  return parts.join('') + (close ? 'Z' : '')
}

/**
 * A smooth closed blob through the midpoints of consecutive vertices, each vertex acting as a
 * quadratic control point. Cheap to compute and never self-intersects for star-shaped inputs.
 */
export function smoothClosedPath(points: readonly Point[]): string {
  const n = points.length
  const at = (i: number): Point => points[((i % n) + n) % n] as Point
  const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 })
  const start = mid(at(-1), at(0))
  let d = `M${num(start.x)} ${num(start.y)}`
  for (let i = 0; i < n; i++) {
    const c = at(i)
    const end = mid(c, at(i + 1))
    d += `Q${num(c.x)} ${num(c.y)} ${num(end.x)} ${num(end.y)}`
  }
  return d + 'Z'
}

/** An sRGB colour as #rrggbb from 0..255 channels (clamped). */
export function rgb(r: number, g: number, b: number): string {
  const hex = (v: number): string =>
    Math.round(Math.min(255, Math.max(0, v)))
      .toString(16)
      .padStart(2, '0')
  return `#${hex(r)}${hex(g)}${hex(b)}`
}
