import { describe, expect, it } from 'vitest'
import { calibrateNewWhaleThreshold } from './calibrate'
import { pairwiseSum } from './numpy-compat'
import { PairwiseSumTree } from './pairwise-tree'
import type { RankedIndividual } from './rank-individuals'
import {
  bestThreshold,
  map5WithThreshold,
  predictWithThreshold,
  type ThresholdQuery
} from './threshold'

function lcg(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/** evaluate.py's best_threshold literally: every candidate re-scored from scratch. */
function bruteForce(queries: ThresholdQuery[]) {
  const v = [...new Set(queries.flatMap((q) => [...Array.from(q.top5)]))]
    .filter(Number.isFinite)
    .sort((a, b) => a - b)
  const cands = [-Infinity, ...v.slice(1).map((x, i) => ((v[i] as number) + x) / 2), Infinity]
  const scores = cands.map((t) => map5WithThreshold(queries, t))
  const top = Math.max(...scores)
  const best = scores.flatMap((s, i) => (s === top ? [i] : []))
  const i = best[Math.floor(best.length / 2)] ?? 0
  return { threshold: cands[i], map5: scores[i] }
}

describe('PairwiseSumTree', () => {
  it('equals numpy pairwise summation of the current values after every update', () => {
    const rand = lcg(1)
    for (const n of [1, 7, 8, 9, 128, 129, 300, 1000, 4099]) {
      const values = Array.from({ length: n }, () => rand() * 1e3)
      const tree = new PairwiseSumTree(values)
      for (let u = 0; u < 200; u++) {
        const i = Math.floor(rand() * n)
        values[i] = [0, 1, 0.5, 1 / 3, 0.25, 0.2][Math.floor(rand() * 6)] ?? 0
        tree.set(i, values[i])
        expect(tree.total).toBe(pairwiseSum(values))
      }
    }
  })
})

describe('bestThreshold', () => {
  it('picks exactly what the literal search picks, ties included', () => {
    const rand = lcg(7)
    for (const n of [1, 5, 40, 300]) {
      // Scores on a coarse grid, so candidates tie often and the median rule matters.
      const queries: ThresholdQuery[] = Array.from({ length: n }, () => {
        const top5 = Array.from({ length: 5 }, () => Math.round(rand() * 20) / 20).sort(
          (a, b) => b - a
        )
        if (rand() < 0.2) top5[4] = -Infinity
        const isNew = rand() < 0.3
        return { rank: isNew ? Infinity : 1 + Math.floor(rand() * 7), top5, isNew }
      })
      expect(bestThreshold(queries)).toEqual(bruteForce(queries))
    }
  })
})

describe('calibrateNewWhaleThreshold and predictWithThreshold', () => {
  const ranking = (scores: number[]): RankedIndividual[] =>
    scores.map((score, i) => ({ id: `w${i}`, score, bestIndex: i, rank: i + 1 }))

  it('puts the threshold between unknown and known best scores', () => {
    const { threshold, map5 } = calibrateNewWhaleThreshold([
      { ranking: ranking([0.9, 0.5]), truth: 'new_whale' },
      { ranking: ranking([0.95, 0.4]), truth: 'w0' },
      { ranking: ranking([0.7, 0.6]), truth: 'w_absent' } // not in the gallery: new
    ])
    expect(map5).toBe(1)
    expect(threshold).toBeCloseTo(0.925, 12)
  })

  it('inserts new_whale before the first score under the threshold', () => {
    const r = ranking([0.9, 0.8, 0.7, 0.6, 0.5, 0.4])
    expect(predictWithThreshold(r, 0.75)).toEqual(['w0', 'w1', 'new_whale', 'w2', 'w3'])
    expect(predictWithThreshold(r, Infinity)).toEqual(['new_whale', 'w0', 'w1', 'w2', 'w3'])
    expect(predictWithThreshold(r, -Infinity)).toEqual(['w0', 'w1', 'w2', 'w3', 'w4'])
    expect(predictWithThreshold(r.slice(0, 2), -Infinity)).toEqual(['w0', 'w1', 'new_whale'])
  })
})
