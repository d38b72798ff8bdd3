// The ventral pigmentation that makes an individual recognisable: white fields and black spots on
// each lobe, a dark margin, and scars (rake marks, rings, barnacle clusters). Everything is in
// fluke-relative units so the pattern moves with the fluke from photo to photo.
import { chordAt, spineAt, type FlukeShape } from './fluke-shape'
import type { Rng } from './prng'
import { rgb, type Point } from './svg-util'

export interface Patch {
  tone: 'white' | 'black'
  points: Point[]
}

export interface Stroke {
  from: Point
  to: Point
  width: number
}

export interface Pigmentation {
  /** How much of the underside is white, 0..1: humpbacks range from all-black to all-white. */
  whiteness: number
  skin: string
  white: string
  scar: string
  /** Painted in order over the dark skin; later patches cover earlier ones. */
  patches: Patch[]
  marginWidth: number
  scratches: Stroke[]
  rings: { centre: Point; radius: number; width: number }[]
  barnacles: { centre: Point; radius: number }[]
}

/** A point on a lobe: u along the span (0 root, 1 tip), v across the chord (-0.4 back, 0.6 front). */
export function lobePoint(shape: FlukeShape, side: 1 | -1, u: number, v: number): Point {
  const span = side === 1 ? shape.rightSpan : shape.leftSpan
  return { x: side * span * u, y: spineAt(shape, u) + v * chordAt(shape, u) }
}

function blob(rng: Rng, centre: Point, rx: number, ry: number, angle: number): Point[] {
  const n = rng.int(9, 15)
  const wobble = rng.range(0.15, 0.45)
  const cos = Math.cos(angle)
  const sin = Math.sin(angle)
  return Array.from({ length: n }, (_, i) => {
    const t = (2 * Math.PI * i) / n
    const r = 1 + wobble * (rng.float() * 2 - 1)
    const dx = rx * r * Math.cos(t)
    const dy = ry * r * Math.sin(t)
    return { x: centre.x + dx * cos - dy * sin, y: centre.y + dx * sin + dy * cos }
  })
}

const sides: readonly (1 | -1)[] = [1, -1]

function lobeBlob(rng: Rng, shape: FlukeShape, side: 1 | -1, size: number): Point[] {
  const u = rng.range(0.12, 0.8)
  const centre = lobePoint(shape, side, u, rng.range(-0.3, 0.5))
  const reach = size * (1 - 0.5 * u)
  return blob(
    rng,
    centre,
    reach * rng.range(0.8, 1.6),
    reach * rng.range(0.5, 1),
    rng.range(-0.6, 0.6)
  )
}

function whitePatches(rng: Rng, shape: FlukeShape, whiteness: number): Patch[] {
  const patches: Patch[] = []
  for (const side of sides) {
    const fields = 1 + Math.floor(whiteness * 3.5 * rng.range(0.6, 1.2))
    for (let i = 0; i < fields; i++) {
      const size = 0.05 + 0.22 * whiteness * rng.range(0.5, 1.3)
      patches.push({ tone: 'white', points: lobeBlob(rng, shape, side, size) })
    }
  }
  return patches
}

function spots(rng: Rng, shape: FlukeShape, tone: Patch['tone'], count: number): Patch[] {
  return Array.from({ length: count }, () => {
    const size = rng.range(0.015, 0.055)
    return { tone, points: lobeBlob(rng, shape, rng.pick(sides), size) }
  })
}

function scratches(rng: Rng, shape: FlukeShape): Stroke[] {
  const strokes: Stroke[] = []
  for (let g = rng.int(0, 3); g > 0; g--) {
    const start = lobePoint(shape, rng.pick(sides), rng.range(0.1, 0.75), rng.range(-0.3, 0.4))
    const angle = rng.range(0, Math.PI)
    const length = rng.range(0.08, 0.28)
    const spacing = rng.range(0.015, 0.03)
    const width = rng.range(0.004, 0.009)
    // Rake marks: near-parallel tooth tracks of slightly different lengths and starts.
    for (let k = rng.int(2, 4) - 1; k >= 0; k--) {
      const a = angle + rng.range(-0.08, 0.08)
      const shift = rng.range(-0.15, 0.15) * length
      const off = {
        x: -Math.sin(angle) * spacing * k + Math.cos(angle) * shift,
        y: Math.cos(angle) * spacing * k + Math.sin(angle) * shift
      }
      const from = { x: start.x + off.x, y: start.y + off.y }
      const reach = length * rng.range(0.6, 1.1)
      const to = { x: from.x + Math.cos(a) * reach, y: from.y + Math.sin(a) * reach }
      strokes.push({ from, to, width })
    }
  }
  return strokes
}

export function randomPigmentation(rng: Rng, shape: FlukeShape): Pigmentation {
  // Three broad kinds (mostly dark, mixed, mostly white) so individuals differ at a glance.
  const whiteness = rng.pick([rng.range(0.05, 0.25), rng.range(0.3, 0.6), rng.range(0.65, 0.95)])
  const skinLevel = rng.range(16, 34)
  const whiteLevel = rng.range(215, 240)
  const patches = [
    ...whitePatches(rng, shape, whiteness),
    ...spots(rng, shape, 'white', rng.int(0, 7)),
    ...spots(rng, shape, 'black', rng.int(1, 8))
  ]
  return {
    whiteness,
    skin: rgb(skinLevel, skinLevel + 2, skinLevel + 5),
    white: rgb(whiteLevel, whiteLevel + 3, whiteLevel + 2),
    scar: rgb(whiteLevel - 40, whiteLevel - 36, whiteLevel - 34),
    patches,
    marginWidth: rng.range(0.015, 0.06),
    scratches: scratches(rng, shape),
    rings: Array.from({ length: rng.int(0, 4) }, () => ({
      centre: lobePoint(shape, rng.pick(sides), rng.range(0.1, 0.8), rng.range(-0.3, 0.5)),
      radius: rng.range(0.01, 0.025),
      width: rng.range(0.004, 0.008)
    })),
    barnacles: Array.from({ length: rng.int(0, 10) }, () => ({
      centre: lobePoint(shape, rng.pick(sides), rng.range(0.5, 0.9), rng.range(-0.35, -0.1)),
      radius: rng.range(0.006, 0.014)
    }))
  }
}
