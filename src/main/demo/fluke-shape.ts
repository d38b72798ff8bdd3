// The fluke silhouette in fluke-relative units: the midline is x = 0, each lobe spans about one
// unit sideways, y points down (SVG convention) with the root of the lobes near y = 0. The
// trailing edge (top, seen from behind as the whale dives) carries the individual's scallops and
// nicks; the leading edge runs smoothly into the tail stock, which disappears into the water.
import type { Rng } from './prng'
import { num, type Point } from './svg-util'

/** Edge marks on one lobe's trailing edge; positions are fractions of the lobe span. */
export interface EdgeMarks {
  scallops: { freq: number; amp: number; phase: number }[]
  nicks: { at: number; depth: number; width: number }[]
  /** Per-sample jagged serration, one value per outline sample. */
  serration: number[]
}

export interface FlukeShape {
  sweep: number
  rootChord: number
  notchDepth: number
  notchWidth: number
  leftSpan: number
  rightSpan: number
  peduncleHalfWidth: number
  peduncleLength: number
  left: EdgeMarks
  right: EdgeMarks
}

/** Samples per lobe edge; cosine-spaced so the notch and tip stay crisp. */
export const EDGE_SAMPLES = 72

function randomEdge(rng: Rng): EdgeMarks {
  const scallops = Array.from({ length: rng.int(2, 4) }, () => ({
    freq: rng.range(6, 22),
    amp: rng.range(0.003, 0.015),
    phase: rng.range(0, 2 * Math.PI)
  }))
  const nicks = Array.from({ length: rng.int(0, 2) }, () => ({
    at: rng.range(0.15, 0.85),
    depth: rng.range(0.02, 0.05),
    width: rng.range(0.015, 0.05)
  }))
  const roughness = rng.range(0.002, 0.008)
  const serration = Array.from({ length: EDGE_SAMPLES + 1 }, () => rng.normal(0, roughness))
  return { scallops, nicks, serration }
}

export function randomShape(rng: Rng): FlukeShape {
  const asymmetry = rng.range(-0.05, 0.05)
  return {
    sweep: rng.range(0.14, 0.34),
    rootChord: rng.range(0.5, 0.64),
    notchDepth: rng.range(0.05, 0.12),
    notchWidth: rng.range(0.035, 0.07),
    leftSpan: 1 - asymmetry,
    rightSpan: 1 + asymmetry,
    peduncleHalfWidth: rng.range(0.12, 0.17),
    peduncleLength: rng.range(0.22, 0.34),
    left: randomEdge(rng),
    right: randomEdge(rng)
  }
}

const smoothstep = (a: number, b: number, x: number): number => {
  const t = Math.min(1, Math.max(0, (x - a) / (b - a)))
  return t * t * (3 - 2 * t)
}

/** Chord (front-to-back depth) of a lobe at fraction u of its span: broad at root, 0 at the tip. */
export function chordAt(shape: FlukeShape, u: number): number {
  return shape.rootChord * Math.pow(1 - Math.pow(u, 2.5), 0.6) * (1 - 0.3 * u)
}

/** Height of the lobe's centre line: tips sweep upward. */
export function spineAt(shape: FlukeShape, u: number): number {
  return -shape.sweep * Math.pow(u, 1.8)
}

function trailingY(shape: FlukeShape, edge: EdgeMarks, u: number, i: number): number {
  const chord = chordAt(shape, u)
  const notch = shape.notchDepth * Math.exp(-((u / shape.notchWidth) ** 2))
  // Marks fade out near the notch and the tip so the edge never crosses the leading edge.
  const taper = Math.min(1, chord / 0.08) * smoothstep(0, 0.06, u)
  let marks = edge.serration[i] ?? 0
  for (const s of edge.scallops) marks += s.amp * Math.sin(s.freq * u * Math.PI + s.phase)
  for (const n of edge.nicks) marks += n.depth * Math.max(0, 1 - Math.abs(u - n.at) / n.width)
  return spineAt(shape, u) - 0.4 * chord + notch + Math.max(-0.03, marks) * taper
}

function leadingY(shape: FlukeShape, u: number, span: number): number {
  const stock = shape.peduncleLength / (1 + Math.exp((u * span - shape.peduncleHalfWidth) / 0.04))
  return spineAt(shape, u) + 0.6 * chordAt(shape, u) + stock
}

/** u for sample i: cosine spacing, dense at both ends of the lobe. */
const sampleU = (i: number): number => (1 - Math.cos((Math.PI * i) / EDGE_SAMPLES)) / 2

/**
 * The closed outline as a polygon: right trailing edge from the notch out to the tip, back along
 * the right leading edge and the stock, out along the left leading edge, and back along the left
 * trailing edge to the notch. A polygon (not curves) makes the true bounding box exact.
 */
export function flukeOutline(shape: FlukeShape): Point[] {
  const points: Point[] = []
  const lobe = (side: 1 | -1, edge: EdgeMarks, span: number, trailing: boolean, out: boolean) => {
    for (let k = 0; k <= EDGE_SAMPLES; k++) {
      const i = out ? k : EDGE_SAMPLES - k
      const u = sampleU(i)
      const y = trailing ? trailingY(shape, edge, u, i) : leadingY(shape, u, span)
      // Rounded as the SVG will write them, so the box is computed from the drawn polygon.
      points.push({ x: Number(num(side * span * u)), y: Number(num(y)) })
    }
  }
  lobe(1, shape.right, shape.rightSpan, true, true)
  lobe(1, shape.right, shape.rightSpan, false, false)
  lobe(-1, shape.left, shape.leftSpan, false, true)
  lobe(-1, shape.left, shape.leftSpan, true, false)
  return points
}

/** The y below which the tail stock is under water (drawn over by a band of sea). */
export function waterlineY(shape: FlukeShape): number {
  return 0.6 * shape.rootChord + shape.peduncleLength * 0.55
}
