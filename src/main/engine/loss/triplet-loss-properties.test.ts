import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { embeddingSpread } from './embedding-spread'
import { tripletLoss, type TripletOptions } from './triplet-loss'

beforeAll(async () => {
  await tf.setBackend('cpu')
})

/** Deterministic pseudo-random numbers in [-1, 1) for test data. */
function noise(count: number, seed: number): number[] {
  let s = seed >>> 0
  return Array.from({ length: count }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 31 - 1
  })
}

function rows(n: number, dim: number, seed: number): number[][] {
  const flat = noise(n * dim, seed)
  return Array.from({ length: n }, (_, i) => flat.slice(i * dim, (i + 1) * dim))
}

/** Plain-loop reference: every triplet, hardest per anchor, with the documented rules. */
function reference(x: number[][], labels: number[], o: TripletOptions): [number, number] {
  const unit = x.map((r) => {
    const n = Math.hypot(...r)
    return r.map((v) => v / n)
  })
  const dist = (i: number, j: number) => {
    const cos = (unit[i] ?? []).reduce((s, v, k) => s + v * (unit[j]?.[k] ?? NaN), 0)
    return o.distance === 'cosine' ? 1 - cos : Math.sqrt(Math.max(2 - 2 * cos, 0))
  }
  const f = (g: number) =>
    o.margin === 'soft' ? Math.log1p(Math.exp(g)) : Math.max(g + o.margin, 0)
  const on = (g: number) => g + (o.margin === 'soft' ? 0.1 : o.margin) > 0
  const used: number[] = []
  const gaps: number[] = []
  labels.forEach((la, a) => {
    const pos = labels.flatMap((l, p) => (l === la && p !== a ? [dist(a, p)] : []))
    const neg = labels.flatMap((l, n) => (l !== la ? [dist(a, n)] : []))
    if (!pos.length || !neg.length) return
    if (o.mining === 'batch-hard') gaps.push(Math.max(...pos) - Math.min(...neg))
    else for (const p of pos) for (const n of neg) gaps.push(p - n)
  })
  for (const g of gaps)
    if (o.mining === 'batch-hard' || o.margin === 'soft' || f(g) > 0) used.push(f(g))
  const sum = used.reduce((a, b) => a + b, 0)
  return [sum / Math.max(used.length, 1), gaps.filter(on).length / Math.max(gaps.length, 1)]
}

const LABELS = [0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3] // P x K = 3 x 4, plus a lone anchor
const COMBOS: TripletOptions[] = (['batch-hard', 'batch-all', 'random'] as const).flatMap(
  (mining) =>
    ([0.3, 'soft'] as const).flatMap((margin) =>
      (['cosine', 'euclidean'] as const).map((distance) => ({ mining, margin, distance, seed: 3 }))
    )
)

function evaluate(x: number[][], labels: number[], o: TripletOptions): [number, number] {
  return tf.tidy(() => {
    const r = tripletLoss(tf.tensor2d(x), tf.tensor1d(labels, 'int32'), o)
    return [r.loss.dataSync()[0] ?? NaN, r.activeShare.dataSync()[0] ?? NaN]
  })
}

describe('tripletLoss against a plain-loop reference', () => {
  for (const o of COMBOS.filter((c) => c.mining !== 'random')) {
    it(`${o.mining}, ${String(o.margin)}, ${o.distance}`, () => {
      for (const seed of [1, 2, 3]) {
        const x = rows(LABELS.length, 5, seed)
        const [loss, active] = evaluate(x, LABELS, o)
        const [wantLoss, wantActive] = reference(x, LABELS, o)
        expect(loss).toBeCloseTo(wantLoss, 5)
        expect(active).toBeCloseTo(wantActive, 6)
      }
    })
  }

  it('batch-hard >= batch-all when every triplet is active (balanced batch, wide margin)', () => {
    const x = rows(12, 5, 9)
    const labels = LABELS.slice(0, 12)
    for (const distance of ['cosine', 'euclidean'] as const) {
      const hard = evaluate(x, labels, { mining: 'batch-hard', margin: 5, distance })
      const all = evaluate(x, labels, { mining: 'batch-all', margin: 5, distance })
      expect(all[1]).toBe(1)
      expect(hard[0]).toBeGreaterThanOrEqual(all[0])
    }
  })
})

describe('tripletLoss gradients and memory', () => {
  // Rows 0 and 1 are identical (an unaugmented copy) and row 12 is all zeros: the places where
  // a naive sqrt or normalisation would give NaN.
  const x = rows(LABELS.length, 5, 4)
  x[1] = [...(x[0] ?? [])]
  x[12] = [0, 0, 0, 0, 0]

  for (const o of COMBOS) {
    it(`finite, non-zero gradients and no leaked tensors: ${o.mining}, ${String(o.margin)}, ${o.distance}`, () => {
      const v = tf.variable(tf.tensor2d(x))
      const labels = tf.tensor1d(LABELS, 'int32')
      const before = tf.memory().numTensors
      const { value, grads } = tf.variableGrads(() => tripletLoss(v, labels, o).loss)
      const g = grads[v.name]?.dataSync() ?? new Float32Array()
      expect(Number.isFinite(value.dataSync()[0])).toBe(true)
      expect(g.length).toBe(x.length * 5)
      expect(g.every(Number.isFinite)).toBe(true)
      expect(g.some((e) => e !== 0)).toBe(true)
      tf.dispose([value, ...Object.values(grads)])
      const direct = tripletLoss(v, labels, o)
      tf.dispose([direct.loss, direct.activeShare])
      expect(tf.memory().numTensors).toBe(before)
      tf.dispose([v, labels])
    })
  }

  it('trains: a few SGD steps lower the batch-hard loss', () => {
    const v = tf.variable(tf.tensor2d(rows(12, 4, 11)))
    const labels = tf.tensor1d(LABELS.slice(0, 12), 'int32')
    const o: TripletOptions = { mining: 'batch-hard', margin: 'soft', distance: 'euclidean' }
    const lossNow = () => tf.tidy(() => tripletLoss(v, labels, o).loss.dataSync()[0] ?? NaN)
    const start = lossNow()
    const opt = tf.train.sgd(0.5)
    for (let i = 0; i < 20; i++) opt.minimize(() => tripletLoss(v, labels, o).loss)
    expect(lossNow()).toBeLessThan(start)
    tf.dispose([v, labels])
    opt.dispose()
  })
})

describe('embeddingSpread', () => {
  it('is the mean cosine over distinct pairs, and reads ~1 when collapsed', () => {
    const s = (r: number[][]) => tf.tidy(() => embeddingSpread(tf.tensor2d(r)))
    // Pairs at 0/90/180 deg: cosines 0, -1, 0 -> mean -1/3; scale does not matter.
    expect(
      s([
        [2, 0],
        [0, 1],
        [-3, 0]
      ])
    ).toBeCloseTo(-1 / 3, 6)
    expect(
      s([
        [1, 2],
        [2, 4.0001],
        [3, 6]
      ])
    ).toBeGreaterThan(0.9999)
    expect(s([[1, 0]])).toBeNaN()
    const before = tf.memory().numTensors
    const t = tf.tensor2d(rows(6, 3, 5))
    embeddingSpread(t)
    t.dispose()
    expect(tf.memory().numTensors).toBe(before)
  })
})
