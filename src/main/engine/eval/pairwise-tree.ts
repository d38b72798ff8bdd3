import { pairwiseSum } from './numpy-compat'

/**
 * numpy's pairwise sum of an array, kept current under single-value updates. The tree has
 * exactly the shape of numpy's recursion (halves rounded down to a multiple of 8, leaves of at
 * most 128 values), so total is bit for bit np.sum of the current values, after O(128 + log n)
 * work per update instead of O(n).
 */
export class PairwiseSumTree {
  private readonly values: Float64Array
  private readonly start: number[] = []
  private readonly length: number[] = []
  private readonly sum: number[] = []
  private readonly parent: number[] = []
  private readonly children: Array<[number, number] | undefined> = []
  private readonly leafOf: Int32Array

  constructor(values: ArrayLike<number>) {
    this.values = Float64Array.from(values)
    this.leafOf = new Int32Array(this.values.length)
    this.build(0, this.values.length, -1)
  }

  /** 0 + the pairwise sum, as numpy's add.reduce starts from its identity. */
  get total(): number {
    return 0 + (this.sum[0] ?? 0)
  }

  set(index: number, value: number): void {
    if (this.values[index] === value) return
    this.values[index] = value
    let node = this.leafOf[index] as number
    this.sum[node] = pairwiseSum(this.values, this.start[node], this.length[node])
    for (node = this.parent[node] as number; node >= 0; node = this.parent[node] as number) {
      const [left, right] = this.children[node] as [number, number]
      this.sum[node] = (this.sum[left] as number) + (this.sum[right] as number)
    }
  }

  private build(start: number, n: number, parent: number): number {
    const node = this.sum.length
    this.start.push(start)
    this.length.push(n)
    this.parent.push(parent)
    this.sum.push(0)
    this.children.push(undefined)
    if (n <= 128) {
      this.leafOf.fill(node, start, start + n)
      this.sum[node] = pairwiseSum(this.values, start, n)
      return node
    }
    let half = Math.floor(n / 2)
    half -= half % 8
    const left = this.build(start, half, node)
    const right = this.build(start + half, n - half, node)
    this.children[node] = [left, right]
    this.sum[node] = (this.sum[left] as number) + (this.sum[right] as number)
    return node
  }
}
