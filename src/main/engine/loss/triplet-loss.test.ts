import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { tripletLoss, type TripletOptions } from './triplet-loss'

beforeAll(async () => {
  await tf.setBackend('cpu')
})

// Two whales, two photos each, at angles A1 0deg, A2 60deg, B1 90deg, B2 180deg; lengths vary
// because cosine and Euclidean both normalise inside.
const deg = (a: number, r = 1) => [
  r * Math.cos((a * Math.PI) / 180),
  r * Math.sin((a * Math.PI) / 180)
]
const FOUR = [deg(0, 3), deg(60, 0.5), deg(90, 2), deg(180)]
const sqrt3 = Math.sqrt(3)
// Cosine distance 1 - cos of the angle between them.
const cosD = { a1a2: 0.5, a1b1: 1, a1b2: 2, a2b1: 1 - sqrt3 / 2, a2b2: 1.5, b1b2: 1 }
// Euclidean distance between unit vectors: sqrt(2 - 2 cos) = sqrt(2 * cosine distance).
const eucD = Object.fromEntries(Object.entries(cosD).map(([k, v]) => [k, Math.sqrt(2 * v)]))
const softplus = (x: number) => Math.log1p(Math.exp(x))
const hinge = (gap: number, m: number) => Math.max(gap + m, 0)
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length

function run(rows: number[][], labels: number[], options: TripletOptions): [number, number] {
  return tf.tidy(() => {
    const r = tripletLoss(tf.tensor2d(rows), tf.tensor1d(labels, 'int32'), options)
    return [r.loss.dataSync()[0] ?? NaN, r.activeShare.dataSync()[0] ?? NaN]
  })
}

/** Gaps d(a,p) - d(a,n) of the four anchors' hardest triplets, from a distance table. */
function hardGaps(d: Record<string, number>) {
  const g = (k: string) => d[k] ?? NaN
  return [
    g('a1a2') - Math.min(g('a1b1'), g('a1b2')),
    g('a1a2') - Math.min(g('a2b1'), g('a2b2')),
    g('b1b2') - Math.min(g('a1b1'), g('a2b1')),
    g('b1b2') - Math.min(g('a1b2'), g('a2b2'))
  ]
}

/** All eight (anchor, positive, negative) gaps. */
function allGaps(d: Record<string, number>) {
  const g = (k: string) => d[k] ?? NaN
  return [
    ...[g('a1b1'), g('a1b2')].map((n) => g('a1a2') - n),
    ...[g('a2b1'), g('a2b2')].map((n) => g('a1a2') - n),
    ...[g('a1b1'), g('a2b1')].map((n) => g('b1b2') - n),
    ...[g('a1b2'), g('a2b2')].map((n) => g('b1b2') - n)
  ]
}

describe('tripletLoss on two whales x two photos', () => {
  for (const [distance, d] of [
    ['cosine', cosD],
    ['euclidean', eucD]
  ] as const) {
    it(`batch-hard, hinge 0.2, ${distance}`, () => {
      const gaps = hardGaps(d)
      const [loss, active] = run(FOUR, [0, 0, 1, 1], {
        mining: 'batch-hard',
        margin: 0.2,
        distance
      })
      expect(loss).toBeCloseTo(mean(gaps.map((x) => hinge(x, 0.2))), 5)
      expect(active).toBeCloseTo(0.5, 6) // A2 and B1 violate the margin, A1 and B2 do not
    })

    it(`batch-hard, soft margin, ${distance}`, () => {
      const gaps = hardGaps(d)
      const [loss, active] = run(FOUR, [0, 0, 1, 1], {
        mining: 'batch-hard',
        margin: 'soft',
        distance
      })
      expect(loss).toBeCloseTo(mean(gaps.map(softplus)), 5)
      expect(active).toBeCloseTo(gaps.filter((x) => x > -0.1).length / 4, 6)
    })

    it(`batch-all, hinge 0.2, ${distance}: mean over the non-zero triplets only`, () => {
      const losses = allGaps(d).map((x) => hinge(x, 0.2))
      const nonZero = losses.filter((x) => x > 0)
      const [loss, active] = run(FOUR, [0, 0, 1, 1], { mining: 'batch-all', margin: 0.2, distance })
      expect(loss).toBeCloseTo(mean(nonZero), 5)
      expect(active).toBeCloseTo(nonZero.length / 8, 6)
    })

    it(`batch-all, soft margin, ${distance}: mean over all eight`, () => {
      const gaps = allGaps(d)
      const [loss, active] = run(FOUR, [0, 0, 1, 1], {
        mining: 'batch-all',
        margin: 'soft',
        distance
      })
      expect(loss).toBeCloseTo(mean(gaps.map(softplus)), 5)
      expect(active).toBeCloseTo(gaps.filter((x) => x > -0.1).length / 8, 6)
    })

    for (const margin of [0.2, 'soft'] as const) {
      it(`random, ${String(margin)}, ${distance}: one of the drawable triplets, fixed by the seed`, () => {
        const options: TripletOptions = { mining: 'random', margin, distance, seed: 7 }
        const f = (x: number) => (margin === 'soft' ? softplus(x) : hinge(x, margin))
        // Each anchor has one positive and two negatives: 2^4 possible draws.
        const perAnchor = [
          [d.a1b1, d.a1b2].map((n) => f((d.a1a2 ?? NaN) - (n ?? NaN))),
          [d.a2b1, d.a2b2].map((n) => f((d.a1a2 ?? NaN) - (n ?? NaN))),
          [d.a1b1, d.a2b1].map((n) => f((d.b1b2 ?? NaN) - (n ?? NaN))),
          [d.a1b2, d.a2b2].map((n) => f((d.b1b2 ?? NaN) - (n ?? NaN)))
        ]
        const possible = new Set<number>()
        for (let bits = 0; bits < 16; bits++) {
          possible.add(mean(perAnchor.map((c, i) => c[(bits >> i) & 1] ?? NaN)))
        }
        const [loss] = run(FOUR, [0, 0, 1, 1], options)
        expect([...possible].some((p) => Math.abs(p - loss) < 1e-5)).toBe(true)
        expect(run(FOUR, [0, 0, 1, 1], options)[0]).toBe(loss)
        const seen = new Set<number>()
        for (let seed = 0; seed < 20; seed++) {
          seen.add(Math.round(run(FOUR, [0, 0, 1, 1], { ...options, seed })[0] * 1e5))
        }
        expect(seen.size).toBeGreaterThan(1)
      })
    }
  }

  it('skips an anchor without a positive (the lone B1), whatever the mining', () => {
    const three = [deg(0), deg(60), deg(90)]
    // A1: gap 0.5 - 1, A2: gap 0.5 - (1 - cos 30deg); B1 has no positive and is left out.
    const expected = mean([hinge(0.5 - 1, 0.2), hinge(0.5 - cosD.a2b1, 0.2)])
    for (const mining of ['batch-hard', 'random'] as const) {
      const [loss, active] = run(three, [4, 4, 9], { mining, margin: 0.2, distance: 'cosine' })
      expect(loss).toBeCloseTo(expected, 5)
      expect(active).toBeCloseTo(0.5, 6)
    }
    const [all] = run(three, [4, 4, 9], { mining: 'batch-all', margin: 0.2, distance: 'cosine' })
    expect(all).toBeCloseTo(hinge(0.5 - cosD.a2b1, 0.2), 5)
  })

  it('gives 0 when no anchor is usable, and rejects bad input', () => {
    const opts: TripletOptions = { mining: 'batch-hard', margin: 0.2, distance: 'cosine' }
    expect(run([deg(0), deg(50)], [1, 2], opts)).toEqual([0, 0])
    expect(run([deg(0), deg(50)], [1, 1], opts)).toEqual([0, 0])
    expect(() => run(FOUR, [0, 0, 1], opts)).toThrow(/labels \[N\]/)
    expect(() => run(FOUR, [0, 0, 1, 1], { ...opts, margin: -1 })).toThrow(/margin/)
  })
})
