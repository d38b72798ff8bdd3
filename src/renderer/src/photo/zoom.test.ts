import { describe, expect, it } from 'vitest'
import { FIT, MAX_ZOOM, panBy, wheelFactor, zoomAt } from './zoom'

describe('the editor zoom', () => {
  it('keeps the photo point under the cursor where it was', () => {
    const at = { x: 300, y: 120 }
    const zoomed = zoomAt(FIT, 2, at)
    const again = zoomAt(zoomed, 1.5, { x: 100, y: 50 })
    // The point under (100, 50) before the second step is still under it after.
    const before = { x: (100 - zoomed.x) / zoomed.zoom, y: (50 - zoomed.y) / zoomed.zoom }
    expect(again.x + again.zoom * before.x).toBeCloseTo(100, 9)
    expect(again.y + again.zoom * before.y).toBeCloseTo(50, 9)
    expect(zoomed.x + zoomed.zoom * 300).toBeCloseTo(300, 9)
    expect(zoomed.y + zoomed.zoom * 120).toBeCloseTo(120, 9)
  })

  it('stays between fitting the photo and the maximum', () => {
    expect(zoomAt(FIT, 0.5, { x: 10, y: 10 })).toEqual(FIT)
    expect(zoomAt({ zoom: 3, x: -50, y: -20 }, 0.1, { x: 10, y: 10 })).toEqual(FIT)
    expect(zoomAt(FIT, 1000, { x: 0, y: 0 }).zoom).toBe(MAX_ZOOM)
  })

  it('pans only when zoomed in, and wheel steps zoom in for up, out for down', () => {
    expect(panBy(FIT, 30, 40)).toEqual(FIT)
    expect(panBy({ zoom: 2, x: 0, y: 0 }, 30, -40)).toEqual({ zoom: 2, x: 30, y: -40 })
    expect(wheelFactor(-100)).toBeGreaterThan(1)
    expect(wheelFactor(100)).toBeLessThan(1)
    expect(wheelFactor(100) * wheelFactor(-100)).toBeCloseTo(1, 9)
  })
})
