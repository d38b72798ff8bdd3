import { describe, expect, it } from 'vitest'
import { CELL_MIN_WIDTH, GAP, gridLayout } from './grid-layout'

describe('gridLayout', () => {
  it('fits as many 160px cells as the width allows', () => {
    expect(gridLayout(CELL_MIN_WIDTH, 10).columns).toBe(1)
    expect(gridLayout(CELL_MIN_WIDTH * 2 + GAP, 10).columns).toBe(2)
    expect(gridLayout(CELL_MIN_WIDTH * 2 + GAP - 1, 10).columns).toBe(1)
  })

  it('needs enough rows for every photo', () => {
    const layout = gridLayout(1000, 30001)
    expect(layout.rows * layout.columns).toBeGreaterThanOrEqual(30001)
    expect((layout.rows - 1) * layout.columns).toBeLessThan(30001)
  })

  it('never has zero columns', () => {
    expect(gridLayout(0, 5).columns).toBe(1)
  })
})
