import { describe, expect, it } from 'vitest'
import {
  boxBetween,
  corners,
  moveBy,
  resizeCorner,
  rotateTowards,
  rotationHandle
} from './box-geometry'

const shape = { box: { x: 100, y: 100, width: 200, height: 100 }, rotation: 0 }
const close = (a: { x: number; y: number }, b: { x: number; y: number }) => {
  expect(a.x).toBeCloseTo(b.x)
  expect(a.y).toBeCloseTo(b.y)
}

describe('box geometry', () => {
  it('finds the corners of a turned box', () => {
    const turned = corners({ ...shape, rotation: 90 })
    // Turned a quarter clockwise about (200, 150): top-left lands at (250, 50).
    close(turned[0] ?? { x: 0, y: 0 }, { x: 250, y: 50 })
    close(rotationHandle(shape, 20), { x: 200, y: 80 })
  })

  it('resizes from a corner with the opposite one fixed, turned or not', () => {
    expect(resizeCorner(shape, 2, { x: 250, y: 180 }).box).toEqual({
      x: 100,
      y: 100,
      width: 150,
      height: 80
    })
    const turned = { ...shape, rotation: 30 }
    const fixed = corners(turned)[0] ?? { x: 0, y: 0 }
    const target = corners(turned)[2] ?? { x: 0, y: 0 }
    const resized = resizeCorner(turned, 2, {
      x: (fixed.x + target.x) / 2,
      y: (fixed.y + target.y) / 2
    })
    close(corners(resized)[0] ?? { x: 0, y: 0 }, fixed)
    expect(resized.box.width).toBeCloseTo(100)
    expect(resized.box.height).toBeCloseTo(50)
  })

  it('moves, turns towards the pointer and draws new boxes', () => {
    expect(moveBy(shape, 5, -5).box).toMatchObject({ x: 105, y: 95 })
    expect(rotateTowards(shape, { x: 300, y: 150 }).rotation).toBe(90)
    expect(rotateTowards(shape, { x: 200, y: 0 }).rotation).toBe(0)
    expect(rotateTowards(shape, { x: 100, y: 150 }).rotation).toBe(-90)
    expect(boxBetween({ x: 50, y: 80 }, { x: 10, y: 20 })).toEqual({
      box: { x: 10, y: 20, width: 40, height: 60 },
      rotation: 0
    })
  })
})
