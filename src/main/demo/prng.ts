// Seeded randomness for the demo generator. Math.random is never used: the same seed must give
// byte-identical photos, so every random choice flows from one of these streams.
import { mulberry32 } from '../random'

/** Mixes any number of integers into one well-spread 32-bit seed (murmur3-style finaliser). */
export function hashSeed(...parts: number[]): number {
  let h = 0x9e3779b9
  for (const part of parts) {
    h = Math.imul(h ^ (part | 0), 0x85ebca6b)
    h ^= h >>> 13
    h = Math.imul(h, 0xc2b2ae35)
    h ^= h >>> 16
  }
  return h >>> 0
}

/** A random stream with the handful of helpers the generator needs. */
export class Rng {
  private readonly next: () => number

  constructor(seed: number) {
    this.next = mulberry32(seed)
  }

  /** Uniform in [0, 1). */
  float(): number {
    return this.next()
  }

  /** Uniform in [min, max). */
  range(min: number, max: number): number {
    return min + (max - min) * this.next()
  }

  /** Integer in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }

  chance(probability: number): boolean {
    return this.next() < probability
  }

  /** Standard normal via Box-Muller; the second value is dropped to keep the stream simple. */
  normal(mean = 0, sd = 1): number {
    const u = Math.max(this.next(), 1e-12)
    const v = this.next()
    return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v)
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)]
    if (item === undefined) throw new Error('Rng.pick: empty list')
    return item
  }

  /** A child stream, so adding a draw in one place does not shift every later choice. */
  fork(label: number): Rng {
    return new Rng(hashSeed(Math.floor(this.next() * 4294967296), label))
  }
}
