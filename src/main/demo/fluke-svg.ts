// Paints one fluke in its own units: dark skin, the individual's pigmentation and scars clipped to
// the silhouette, foam where the tail stock leaves the water, and a soft light falloff. Everything
// beyond the silhouette is clipped away, so the outline polygon bounds every painted pixel.
import type { FlukeIdentity } from './identity'
import type { FlukeLayout } from './photo-layout'
import { num, polylinePath, smoothClosedPath } from './svg-util'

export interface FlukePaint {
  /** Colour of the foam where the stock meets the water (#rrggbb). */
  foam: string
  /** Light direction in radians and strength 0..1. */
  light: { angle: number; strength: number }
}

function pigmentSvg(identity: FlukeIdentity, outline: string): string {
  const p = identity.pigmentation
  const patches = p.patches
    .map((patch) => {
      const fill = patch.tone === 'white' ? p.white : p.skin
      return `<path d="${smoothClosedPath(patch.points)}" fill="${fill}"/>`
    })
    .join('')
  const margin = `<path d="${outline}" fill="none" stroke="${p.skin}" stroke-width="${num(p.marginWidth * 2)}" stroke-linejoin="round"/>`
  const scratches = p.scratches
    .map(
      (s) =>
        `<path d="M${num(s.from.x)} ${num(s.from.y)}L${num(s.to.x)} ${num(s.to.y)}" stroke="${p.scar}" stroke-width="${num(s.width)}" stroke-opacity="0.85" stroke-linecap="round"/>`
    )
    .join('')
  const rings = p.rings
    .map(
      (r) =>
        `<circle cx="${num(r.centre.x)}" cy="${num(r.centre.y)}" r="${num(r.radius)}" fill="none" stroke="${p.scar}" stroke-width="${num(r.width)}"/>`
    )
    .join('')
  const barnacles = p.barnacles
    .map(
      (b) =>
        `<circle cx="${num(b.centre.x)}" cy="${num(b.centre.y)}" r="${num(b.radius)}" fill="#b9b6ad"/>`
    )
    .join('')
  return patches + margin + scratches + rings + barnacles
}

function waterSvg(layout: FlukeLayout, foam: string): string {
  // A line of foam where the stock leaves the water (inside the clip, so it never widens the box).
  const { at, along } = layout.water
  const half = 0.6 / Math.hypot(along.x, along.y)
  const a = { x: at.x - along.x * half, y: at.y - along.y * half }
  const b = { x: at.x + along.x * half, y: at.y + along.y * half }
  return `<path d="M${num(a.x)} ${num(a.y)}L${num(b.x)} ${num(b.y)}" stroke="${foam}" stroke-opacity="0.7" stroke-width="0.05"/>`
}

/** The fluke's defs and body, placed in the photo by `layout.transform`. */
export function flukeSvg(identity: FlukeIdentity, layout: FlukeLayout, paint: FlukePaint): string {
  const outline = polylinePath(layout.outline, true)
  const dx = Math.cos(paint.light.angle)
  const dy = Math.sin(paint.light.angle)
  const s = paint.light.strength
  const defs =
    `<defs><clipPath id="fluke"><path d="${outline}"/></clipPath>` +
    `<linearGradient id="shade" gradientUnits="userSpaceOnUse" x1="${num(-dx)}" y1="${num(-dy)}" x2="${num(dx)}" y2="${num(dy)}">` +
    `<stop offset="0" stop-color="#ffffff" stop-opacity="${num(0.16 * s)}"/>` +
    `<stop offset="1" stop-color="#000000" stop-opacity="${num(0.4 * s)}"/></linearGradient></defs>`
  return (
    defs +
    `<g transform="${layout.transform}"><path d="${outline}" fill="${identity.pigmentation.skin}"/>` +
    `<g clip-path="url(#fluke)">${pigmentSvg(identity, outline)}${waterSvg(layout, paint.foam)}` +
    `<rect x="-1.2" y="-1" width="2.4" height="2.5" fill="url(#shade)"/></g></g>`
  )
}
