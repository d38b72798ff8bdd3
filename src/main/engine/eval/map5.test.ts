import { describe, expect, it } from 'vitest'
import { map5, map5FromRanks } from './map5'

describe('map5 (Kaggle)', () => {
  it("scores Kaggle's documented example: all three predictions score 1 for truth A", () => {
    const predictions = [
      ['A', 'B', 'C', 'D', 'E'],
      ['A', 'A', 'A', 'A', 'A'],
      ['A', 'B', 'A', 'C', 'A']
    ]
    expect(map5(predictions, ['A', 'A', 'A'])).toBe(1)
  })

  it('gives 1/k for the first correct guess at position k, 0 beyond 5 or when absent', () => {
    const truths = ['t', 't', 't', 't', 't', 't', 't']
    const predictions = [
      ['t'],
      ['a', 't'],
      ['a', 'b', 't'],
      ['a', 'b', 'c', 't'],
      ['a', 'b', 'c', 'd', 't'],
      ['a', 'b', 'c', 'd', 'e', 't'],
      []
    ]
    predictions.forEach((p, i) =>
      expect(map5([p], ['t'])).toBeCloseTo([1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 0, 0][i] ?? NaN, 15)
    )
    expect(map5(predictions, truths)).toBeCloseTo((1 + 1 / 2 + 1 / 3 + 1 / 4 + 1 / 5) / 7, 15)
  })

  it('counts positions, not distinct labels: a repeated wrong guess still takes a place', () => {
    expect(map5([['b', 'b', 't']], ['t'])).toBeCloseTo(1 / 3, 15)
    expect(map5([['t', 't']], ['t'])).toBe(1)
    expect(map5([['new_whale', 'w1']], ['new_whale'])).toBe(1)
  })

  it('agrees with map5FromRanks, and refuses mismatched lengths', () => {
    expect(map5([['x', 'y'], ['y']], ['y', 'z'])).toBe(map5FromRanks([2, Infinity]))
    expect(map5([], [])).toBeNaN()
    expect(() => map5([['a']], [])).toThrow(/1 predictions for 0 truths/)
  })
})
