// The sea behind the fluke: a gradient from the (lighter) distance to the (darker) foreground,
// optionally a sky above a horizon, and wave strokes that grow and thin out towards the camera.
import { Rng } from './prng'
import { num, rgb } from './svg-util'
import type { Rgb, SeaStyle } from './variation'

export const css = (c: Rgb): string => rgb(c[0], c[1], c[2])

export function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t]
}

function wavePaths(rng: Rng, sea: SeaStyle, width: number, height: number): string {
  const top = (sea.horizon ?? 0) * height
  // Three depth bands, each one path, so librsvg draws a few long paths rather than hundreds.
  const bands = [
    { crest: '', trough: '', stroke: 0.7 },
    { crest: '', trough: '', stroke: 1.3 },
    { crest: '', trough: '', stroke: 2.2 }
  ]
  for (let i = 0; i < sea.waves; i++) {
    const depth = Math.pow(rng.float(), 0.8)
    const band = bands[Math.min(2, Math.floor(depth * 3))]
    if (!band) continue
    const y = top + depth * (height - top)
    const x = rng.range(-20, width)
    const len = (0.015 + 0.09 * depth) * width * rng.range(0.6, 1.4)
    const lift = len * rng.range(0.06, 0.2)
    const seg = `M${num(x, 1)} ${num(y, 1)}q${num(len / 2, 1)} ${num(-lift, 1)} ${num(len, 1)} 0`
    if (rng.chance(0.45)) band.crest += seg
    else band.trough += seg
  }
  const light = css(mix(sea.far, [235, 240, 240], 0.55))
  const dark = css(mix(sea.near, [0, 10, 20], 0.5))
  return bands
    .map((b) => {
      const w = num(b.stroke * (width / 640), 2)
      const crest = b.crest
        ? `<path d="${b.crest}" fill="none" stroke="${light}" stroke-opacity="0.35" stroke-width="${w}"/>`
        : ''
      const trough = b.trough
        ? `<path d="${b.trough}" fill="none" stroke="${dark}" stroke-opacity="0.4" stroke-width="${w}"/>`
        : ''
      return crest + trough
    })
    .join('')
}

/** SVG elements (defs included) painting the whole frame with sky and sea. */
export function seaSvg(sea: SeaStyle, seed: number, width: number, height: number): string {
  const rng = new Rng(seed)
  const top = (sea.horizon ?? 0) * height
  const defs =
    `<defs><linearGradient id="sea" x1="0" y1="0" x2="0" y2="1">` +
    `<stop offset="0" stop-color="${css(sea.far)}"/><stop offset="1" stop-color="${css(sea.near)}"/>` +
    `</linearGradient><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1">` +
    `<stop offset="0" stop-color="${css(sea.skyTop)}"/><stop offset="1" stop-color="${css(sea.skyLow)}"/>` +
    `</linearGradient></defs>`
  const water = `<rect x="0" y="${num(top, 1)}" width="${width}" height="${num(height - top, 1)}" fill="url(#sea)"/>`
  const sky =
    sea.horizon === null
      ? ''
      : `<rect x="0" y="0" width="${width}" height="${num(top, 1)}" fill="url(#sky)"/>` +
        `<rect x="0" y="${num(top - 1, 1)}" width="${width}" height="2" fill="${css(mix(sea.far, sea.skyLow, 0.5))}"/>`
  return defs + sky + water + wavePaths(rng, sea, width, height)
}
