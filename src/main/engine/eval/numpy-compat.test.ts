import { describe, expect, it } from 'vitest'
import { compareCodePoints, Mt19937, npMean, pairwiseSum } from './numpy-compat'

describe('Mt19937 as numpy.random.RandomState', () => {
  it('produces the reference MT19937 stream', () => {
    // Matsumoto & Nishimura's init_genrand(5489): first output 3499211612.
    expect(new Mt19937(5489).nextUint32()).toBe(3499211612)
  })

  it('permutes as RandomState(seed).permutation(n)', () => {
    // np.random.RandomState(0).permutation(10) and (42), as printed by numpy.
    expect(new Mt19937(0).permutation(10)).toEqual([2, 8, 4, 9, 1, 6, 7, 3, 0, 5])
    expect(new Mt19937(42).permutation(10)).toEqual([8, 1, 5, 0, 7, 2, 9, 4, 3, 6])
    expect(new Mt19937(0).permutation(0)).toEqual([])
    expect(() => new Mt19937(-1)).toThrow(/seed/)
  })
})

describe('pairwiseSum as numpy', () => {
  it('adds left to right below 8 values, in 8 lanes up to 128, halves above', () => {
    expect(pairwiseSum([0.1, 0.2, 0.3])).toBe(0.1 + 0.2 + 0.3)
    const nine = [1e16, 1, 1, 1, 1, 1, 1, 1, 1]
    // Lanes: (1e16 + 1) ... ; the ninth value joins lane 0 only after the lanes combine.
    const lanes = 1e16 + 1 + (1 + 1) + (1 + 1 + (1 + 1)) + 1
    expect(pairwiseSum(nine)).toBe(lanes)
    const big = Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 1e3)
    const exact = big.reduce((a, b) => a + b, 0)
    expect(pairwiseSum(big)).toBeCloseTo(exact, 9)
    expect(npMean([1, 2, 3, 4])).toBe(2.5)
    expect(npMean([])).toBeNaN()
  })
})

describe('compareCodePoints as Python str ordering', () => {
  it('orders by code point, prefixes first', () => {
    expect(['w_b', 'w_a', 'new_whale', 'w'].sort(compareCodePoints)).toEqual([
      'new_whale',
      'w',
      'w_a',
      'w_b'
    ])
    // U+1F40B (whale, a surrogate pair in UTF-16) sorts after U+FF5E in Python, before it in JS.
    expect(compareCodePoints('\u{1F40B}', '\uFF5E')).toBeGreaterThan(0)
    expect('\u{1F40B}' < '\uFF5E').toBe(true)
  })
})
