import { describe, expect, it } from 'vitest'
import { leaveOneOut, leaveOneOutScores } from './leave-one-out'
import { map5FromRanks } from './map5'
import { bestThreshold, map5WithThreshold } from './threshold'
import { NEW_WHALE } from './vectors'

// evaluate.py's own selftest, case by case: 2-D unit vectors at given angles.
const vec = (deg: number) =>
  Float32Array.from([Math.cos((deg * Math.PI) / 180), Math.sin((deg * Math.PI) / 180)])
const scores = (angles: number[], ids: string[]) => leaveOneOutScores(angles.map(vec), ids)
const top = [0.9, 0.8, 0.7, 0.6, 0.5]

describe('evaluate.py selftest, ported', () => {
  it('MAP@5 of one query by rank: 1, 1/2, 1/3, 1/4, 1/5, then 0', () => {
    const want = [1, 0.5, 1 / 3, 0.25, 0.2, 0, 0]
    ;[1, 2, 3, 4, 5, 6, Infinity].forEach((r, i) =>
      expect(map5FromRanks([r])).toBeCloseTo(want[i] ?? NaN, 12)
    )
    expect(map5FromRanks([1, 2, 6, Infinity])).toBeCloseTo(1.5 / 4, 12)
  })

  it('leave-one-out rank 1..6 with distractors at 10, 20, ..., 70 deg', () => {
    for (let r = 1; r <= 6; r++) {
      const angles = [0, 10 * r - 5, ...[1, 2, 3, 4, 5, 6, 7].map((i) => 10 * i)]
      const ids = ['T', 'T', ...[1, 2, 3, 4, 5, 6, 7].map((i) => `D${i}`)]
      expect(scores(angles, ids).ranks[0]).toBe(r)
    }
  })

  it('scores an individual by its best photo', () => {
    expect(scores([0, 30, 90, 20], ['T', 'T', 'D', 'D']).ranks[0]).toBe(2)
  })

  it('counts ties against the truth', () => {
    expect(scores([0, 20, -20], ['T', 'T', 'D']).ranks[0]).toBe(2)
  })

  it('a singleton is new_whale as a query yet stays in the gallery for others', () => {
    const s = scores([0, 1e-4, 40], ['S', 'D', 'D'])
    expect(s.truths[0]).toBe(NEW_WHALE)
    expect(s.ranks[0]).toBe(Infinity)
    expect(s.ranks[1]).toBe(2)
  })

  it('inserts new_whale before the first score below the threshold', () => {
    for (const [thr, k] of [
      [1.0, 0],
      [0.85, 1],
      [0.75, 2],
      [0.65, 3],
      [0.55, 4],
      [0.1, 5]
    ] as const) {
      const unknown = map5WithThreshold([{ rank: Infinity, top5: top, isNew: true }], thr)
      expect(unknown).toBeCloseTo(k < 5 ? 1 / (k + 1) : 0, 12)
      const known = map5WithThreshold([{ rank: 2, top5: top, isNew: false }], thr)
      expect(known).toBeCloseTo(k >= 2 ? 0.5 : 1 / 3, 12)
    }
    expect(map5WithThreshold([{ rank: 5, top5: top, isNew: false }], 0.75)).toBe(0)
  })

  it('fits the threshold between an unknown at .9 and a known at .95', () => {
    const { threshold, map5 } = bestThreshold([
      { rank: Infinity, top5: Array(5).fill(0.9), isNew: true },
      { rank: 1, top5: Array(5).fill(0.95), isNew: false }
    ])
    expect(map5).toBe(1)
    expect(threshold).toBeCloseTo(0.925, 12)
  })

  it('full report: three ids in tight pairs plus one singleton', () => {
    const rep = leaveOneOut([0, 2, 120, 122, 240, 242, 60].map(vec), [...'AABBCCS'])
    expect([rep.map5, rep.top1, rep.top5]).toEqual([1, 1, 1])
    expect([rep.queries, rep.newQueries]).toEqual([6, 1])
    expect([rep.images, rep.individuals]).toEqual([7, 4])
  })
})
