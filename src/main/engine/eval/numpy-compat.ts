// evaluate.py is the judge, and it picks its new_whale threshold by exact equality of MAP@5
// sums and splits whales with numpy's legacy RandomState. These reproduce both bit for bit.

const PAIRWISE_BLOCK = 128

/** numpy's pairwise summation of a contiguous float64 array (what np.sum / np.mean do). */
export function pairwiseSum(a: ArrayLike<number>, start = 0, n = a.length - start): number {
  const at = (i: number) => a[start + i] as number
  if (n < 8) {
    let res = 0
    for (let i = 0; i < n; i++) res += at(i)
    return res
  }
  if (n <= PAIRWISE_BLOCK) {
    const r = [at(0), at(1), at(2), at(3), at(4), at(5), at(6), at(7)]
    let i = 8
    for (; i < n - (n % 8); i += 8) for (let j = 0; j < 8; j++) r[j] = (r[j] as number) + at(i + j)
    const [r0, r1, r2, r3, r4, r5, r6, r7] = r as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
      number
    ]
    let res = r0 + r1 + (r2 + r3) + (r4 + r5 + (r6 + r7))
    for (; i < n; i++) res += at(i)
    return res
  }
  let half = Math.floor(n / 2)
  half -= half % 8
  return pairwiseSum(a, start, half) + pairwiseSum(a, start + half, n - half)
}

/** np.mean of a float64 array: the add reduction starts from its identity 0. */
export function npMean(a: ArrayLike<number>): number {
  return a.length ? (0 + pairwiseSum(a)) / a.length : Number.NaN
}

/** MT19937, seeded like numpy.random.RandomState(seed) for an integer seed. */
export class Mt19937 {
  private readonly mt = new Uint32Array(624)
  private index = 624

  constructor(seed: number) {
    if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
      throw new RangeError(`seed must be an integer between 0 and 2**32 - 1, got ${seed}`)
    }
    this.mt[0] = seed >>> 0
    for (let i = 1; i < 624; i++) {
      const prev = this.mt[i - 1] as number
      this.mt[i] = (Math.imul(1812433253, prev ^ (prev >>> 30)) + i) >>> 0
    }
  }

  nextUint32(): number {
    if (this.index >= 624) this.twist()
    let y = this.mt[this.index++] as number
    y ^= y >>> 11
    y ^= (y << 7) & 0x9d2c5680
    y ^= (y << 15) & 0xefc60000
    return (y ^ (y >>> 18)) >>> 0
  }

  /** numpy's random_interval: uniform in [0, max] by masked rejection (max < 2**32). */
  interval(max: number): number {
    if (max === 0) return 0
    let mask = max
    for (const shift of [1, 2, 4, 8, 16]) mask |= mask >>> shift
    mask >>>= 0
    let value: number
    do value = (this.nextUint32() & mask) >>> 0
    while (value > max)
    return value
  }

  /** RandomState.permutation(n): arange(n) shuffled from the last index down. */
  permutation(n: number): number[] {
    const out = Array.from({ length: n }, (_, i) => i)
    for (let i = n - 1; i > 0; i--) {
      const j = this.interval(i)
      const t = out[i] as number
      out[i] = out[j] as number
      out[j] = t
    }
    return out
  }

  private twist() {
    const mt = this.mt
    for (let i = 0; i < 624; i++) {
      const y = ((mt[i] as number) & 0x80000000) | ((mt[(i + 1) % 624] as number) & 0x7fffffff)
      mt[i] = ((mt[(i + 397) % 624] as number) ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0)) >>> 0
    }
    this.index = 0
  }
}

/** Python's str ordering (by code point); JS's < compares UTF-16 units, which differs for
 * characters beyond U+FFFF against U+E000..U+FFFF. */
export function compareCodePoints(a: string, b: string): number {
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    const x = a.codePointAt(i) as number
    const y = b.codePointAt(j) as number
    if (x !== y) return x - y
    i += x > 0xffff ? 2 : 1
    j += y > 0xffff ? 2 : 1
  }
  return a.length - i - (b.length - j)
}
