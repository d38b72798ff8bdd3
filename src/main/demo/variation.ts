// What changes from one photo to the next: framing, light, sea state and camera quality.
import { hashSeed, Rng } from './prng'

export type Rgb = [number, number, number]

export interface SeaStyle {
  /** Water colour at the horizon (far) and at the bottom of the frame (near). */
  far: Rgb
  near: Rgb
  /** Horizon height as a fraction of the image height; null when only water is in frame. */
  horizon: number | null
  skyTop: Rgb
  skyLow: Rgb
  /** Number of wave strokes; more for a choppier sea. */
  waves: number
}

export interface PhotoVariation {
  /** Seed for per-pixel noise and wave placement. */
  seed: number
  /** Degrees, clockwise. */
  rotation: number
  /** Fluke span as a fraction of the image width (before foreshortening). */
  coverage: number
  /** Where the fluke sits in the room left around it, 0..1 on each axis. */
  place: { x: number; y: number }
  /** Foreshortening: the fluke is seldom seen square-on. */
  squashX: number
  squashY: number
  brightness: number
  contrast: number
  gamma: number
  /** Per-channel white balance multipliers. */
  tint: Rgb
  /** Direction (radians) and strength (0..1) of the light falling across the fluke. */
  light: { angle: number; strength: number }
  sea: SeaStyle
  /** Standard deviation of sensor noise, in 0..255 levels. */
  noise: number
  /** Gaussian blur sigma in pixels; 0 for none. */
  blur: number
  quality: number
}

const PHOTO_STREAM = 0x9f

function jitter(rng: Rng, base: Rgb, amount: number): Rgb {
  const shift = rng.range(-amount, amount)
  return base.map((v) => v + shift + rng.range(-amount / 2, amount / 2)) as Rgb
}

function randomSea(rng: Rng): SeaStyle {
  // Gulf of Maine water runs from slate blue to grey-green; overcast days flatten everything.
  const green = rng.range(-8, 14)
  const far = jitter(rng, [112, 134 + green, 146], 22)
  const near = jitter(rng, [38, 60 + green, 74], 14)
  const sky = rng.range(170, 225)
  return {
    far,
    near,
    horizon: rng.chance(0.4) ? rng.range(0.04, 0.28) : null,
    skyTop: [sky - 30, sky - 14, sky + rng.range(0, 20)],
    skyLow: [sky + 10, sky + 14, sky + 16],
    waves: rng.int(90, 260)
  }
}

export function randomVariation(rng: Rng): PhotoVariation {
  return {
    seed: Math.floor(rng.float() * 4294967296),
    rotation: rng.pick([-1, 1]) * rng.range(1, 15),
    coverage: rng.range(0.25, 0.7),
    place: { x: rng.float(), y: rng.float() },
    squashX: rng.range(0.85, 1),
    squashY: rng.range(0.85, 1.05),
    brightness: rng.range(0.8, 1.15),
    contrast: rng.range(0.8, 1.2),
    gamma: rng.range(0.85, 1.2),
    tint: [rng.range(0.94, 1.04), rng.range(0.96, 1.03), rng.range(0.96, 1.08)],
    light: { angle: rng.range(0, 2 * Math.PI), strength: rng.range(0.2, 1) },
    sea: randomSea(rng),
    noise: rng.range(1.5, 6),
    blur: rng.chance(0.4) ? rng.range(0.4, 1.3) : 0,
    quality: rng.int(72, 94)
  }
}

/** The variation of photo number `photo` in a dataset made with `seed`. */
export function variationFor(seed: number, photo: number): PhotoVariation {
  return randomVariation(new Rng(hashSeed(seed, PHOTO_STREAM, photo)))
}
