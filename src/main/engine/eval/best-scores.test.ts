import { describe, expect, it } from 'vitest'
import { forEachBestRow } from './best-scores'
import { unitRows } from './vectors'

describe('forEachBestRow', () => {
  it('gives bit-identical best scores by the symmetric table and row by row', () => {
    let s = 11
    const rand = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5
    // 333 rows: blocks and tiles that do not divide evenly, odd dimension.
    const m = unitRows(Float32Array.from({ length: 333 * 7 }, rand), 333)
    const colOf = Int32Array.from({ length: 333 }, (_, i) => (i % 31 === 0 ? -1 : i % 40))
    colOf[5] = 40 // a whale with one photo: no other photo for it to match
    const collect = (budget: number) => {
      const rows: number[][] = []
      forEachBestRow(m, m, colOf, 41, true, (q, best) => (rows[q] = [...best]), budget)
      return rows
    }
    const table = collect(Infinity)
    const byRow = collect(0)
    expect(table).toEqual(byRow)
    expect(table[0]).toHaveLength(41)
    expect(table[5]?.[40]).toBe(-Infinity)
    expect(table[6]?.[40]).toBeGreaterThan(-1)
  })
})
