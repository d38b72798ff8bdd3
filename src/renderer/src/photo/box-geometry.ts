// Box editing as plain geometry in the upright original's pixels: a box is an axis-aligned
// rectangle turned by `rotation` degrees (clockwise, y down) about its centre, as stored.
import type { Box } from '@shared/domain'

export interface Point {
  x: number
  y: number
}

export interface Shape {
  box: Box
  rotation: number
}

const radians = (degrees: number) => (degrees * Math.PI) / 180

export function centre({ box }: Shape): Point {
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

/** The box's own axes in image coordinates: u along its width, v along its height. */
function axes(rotation: number) {
  const t = radians(rotation)
  return { u: { x: Math.cos(t), y: Math.sin(t) }, v: { x: -Math.sin(t), y: Math.cos(t) } }
}

/** Corners in image coordinates: top-left, top-right, bottom-right, bottom-left (unturned). */
export function corners(shape: Shape): Point[] {
  const c = centre(shape)
  const { u, v } = axes(shape.rotation)
  const hw = shape.box.width / 2
  const hh = shape.box.height / 2
  return [
    [-hw, -hh],
    [hw, -hh],
    [hw, hh],
    [-hw, hh]
  ].map(([a = 0, b = 0]) => ({ x: c.x + a * u.x + b * v.x, y: c.y + a * u.y + b * v.y }))
}

/** Where the rotation handle sits: above the middle of the top edge, `distance` out. */
export function rotationHandle(shape: Shape, distance: number): Point {
  const c = centre(shape)
  const { v } = axes(shape.rotation)
  const reach = shape.box.height / 2 + distance
  return { x: c.x - v.x * reach, y: c.y - v.y * reach }
}

export function moveBy(shape: Shape, dx: number, dy: number): Shape {
  const { box } = shape
  return { ...shape, box: { ...box, x: box.x + dx, y: box.y + dy } }
}

/** Drags corner `index` to `to`; the opposite corner stays where it is. */
export function resizeCorner(shape: Shape, index: number, to: Point): Shape {
  const fixed = corners(shape)[(index + 2) % 4] as Point
  const { u, v } = axes(shape.rotation)
  const d = { x: to.x - fixed.x, y: to.y - fixed.y }
  const width = Math.max(2, Math.abs(d.x * u.x + d.y * u.y))
  const height = Math.max(2, Math.abs(d.x * v.x + d.y * v.y))
  const c = { x: fixed.x + d.x / 2, y: fixed.y + d.y / 2 }
  return { ...shape, box: { x: c.x - width / 2, y: c.y - height / 2, width, height } }
}

/** Turns the box so that its top points at `to` (the rotation handle's drag). */
export function rotateTowards(shape: Shape, to: Point): Shape {
  const c = centre(shape)
  const degrees = (Math.atan2(to.y - c.y, to.x - c.x) * 180) / Math.PI + 90
  const rotation = Math.round(((((degrees + 180) % 360) + 360) % 360) - 180)
  return { ...shape, rotation: rotation === -180 ? 180 : rotation }
}

/** A new, unturned box between two points. */
export function boxBetween(a: Point, b: Point): Shape {
  return {
    box: {
      x: Math.min(a.x, b.x),
      y: Math.min(a.y, b.y),
      width: Math.abs(a.x - b.x),
      height: Math.abs(a.y - b.y)
    },
    rotation: 0
  }
}
