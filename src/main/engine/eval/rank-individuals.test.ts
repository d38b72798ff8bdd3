import { describe, expect, it } from 'vitest'
import { leaveOneOutScores } from './leave-one-out'
import { prepareGallery, rankIndividuals } from './rank-individuals'
import { NEW_WHALE } from './vectors'

const vec = (deg: number, r = 1) =>
  Float32Array.from([r * Math.cos((deg * Math.PI) / 180), r * Math.sin((deg * Math.PI) / 180)])

describe('rankIndividuals', () => {
  const labels = ['A', 'A', 'B', 'C', NEW_WHALE, 'D']
  // B and C lie at +-45deg with equal lengths: exactly equal similarity to a query at 0deg.
  const vectors = [
    vec(10),
    vec(80),
    Float32Array.of(2, 2),
    Float32Array.of(2, -2),
    vec(1),
    vec(170)
  ]

  it('ranks individuals by their best photo, never new_whale, with the photo index', () => {
    const ranked = rankIndividuals(vec(0), { vectors, labels })
    expect(ranked.map((r) => r.id)).toEqual(['A', 'B', 'C', 'D'])
    expect(ranked[0]).toMatchObject({ id: 'A', bestIndex: 0, rank: 1 })
    expect(ranked[0]?.score).toBeCloseTo(Math.cos(Math.PI / 18), 6) // float32 input
    expect(ranked.map((r) => r.rank)).toEqual([1, 3, 3, 4]) // B and C tie: both rank 3
  })

  it('takes a flat array, a prepared gallery, and excludes one photo', () => {
    const flat = new Float32Array(vectors.flatMap((v) => [...v]))
    const ranked = rankIndividuals(vec(0), { vectors: flat, labels }, 0)
    expect(ranked[0]).toMatchObject({ id: 'B', bestIndex: 2 })
    expect(ranked.find((r) => r.id === 'A')).toMatchObject({ bestIndex: 1 })
    const prepared = prepareGallery({ vectors, labels })
    expect(rankIndividuals(vec(0), prepared, 0)).toEqual(ranked)
    expect(() => rankIndividuals(vec(0), { vectors: flat.subarray(1), labels })).toThrow(
      /11 values/
    )
    expect(() => rankIndividuals(new Float32Array(3), { vectors, labels })).toThrow(/dimensions/)
    expect(() => rankIndividuals(vec(0), { vectors: flat, labels, dim: 3 })).toThrow(/12 values/)
    expect(rankIndividuals(vec(0), { vectors: flat, labels, dim: 2 })).toHaveLength(4)
  })

  it('matches the leave-one-out scores query by query', () => {
    let s = 3
    const rand = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5
    const n = 300
    const data = Array.from({ length: n }, () => Float32Array.from({ length: 8 }, rand))
    const ids = data.map((_, i) => (i % 17 === 0 ? NEW_WHALE : `w${i % 23}`))
    const loo = leaveOneOutScores(data, ids)
    const gallery = prepareGallery({ vectors: data, labels: ids })
    data.forEach((query, q) => {
      const ranked = rankIndividuals(query, gallery, q)
      const hit = ranked.find((r) => r.id === ids[q])
      expect(loo.ranks[q]).toBe(loo.truths[q] === NEW_WHALE ? Infinity : hit?.rank)
      expect([...loo.top5.subarray(q * 5, q * 5 + 5)]).toEqual(
        ranked.slice(0, 5).map((r) => r.score)
      )
    })
  })
})
