import { describe, expect, it } from 'vitest'
import { FIT, MAX_SCALE, panBy, wheelFactor, zoomAt } from './zoom'

describe('comparison zoom', () => {
  it('keeps the point under the cursor in place', () => {
    const view = zoomAt(FIT, 2, 100, 50)
    expect(view).toEqual({ scale: 2, x: -100, y: -50 })
    // The image point under (100, 50) before is still under it: (100 - x) / scale = 100.
    expect((100 - view.x) / view.scale).toBe(100)
    expect(zoomAt(view, 0.5, 100, 50)).toEqual(FIT)
  })

  it('stays between fitted and the maximum', () => {
    expect(zoomAt(FIT, 0.5, 10, 10)).toEqual(FIT)
    expect(zoomAt(FIT, 1000, 0, 0).scale).toBe(MAX_SCALE)
  })

  it('pans only within the image', () => {
    const view = { scale: 2, x: -100, y: -50 }
    expect(panBy(view, 50, 0, 200, 100)).toEqual({ scale: 2, x: -50, y: -50 })
    expect(panBy(view, 500, 500, 200, 100)).toEqual({ scale: 2, x: 0, y: 0 })
    expect(panBy(view, -500, -500, 200, 100)).toEqual({ scale: 2, x: -200, y: -100 })
    expect(panBy(FIT, 30, 30, 200, 100)).toEqual(FIT)
  })

  it('turns a wheel notch into 1.25x', () => {
    expect(wheelFactor(-100)).toBeCloseTo(1.25)
    expect(wheelFactor(100)).toBeCloseTo(0.8)
  })
})
