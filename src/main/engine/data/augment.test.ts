import { describe, expect, it } from 'vitest'
import { mulberry32 as seededRandom } from '../../random'
import { augment, standardise } from './augment'

const none = { rotationDeg: 0, scale: 0, shearDeg: 0, shift: 0, brightness: 0, contrast: 0 }

describe('augment', () => {
  it('is the identity with zero ranges', () => {
    const image = Float32Array.from({ length: 5 * 4 }, (_, i) => i)
    expect(Array.from(augment(image, 5, 4, 1, seededRandom(1), none))).toEqual(Array.from(image))
  })

  it('never mirrors: a left-bright image stays left-bright', () => {
    const w = 32
    const image = Float32Array.from({ length: w * w }, (_, i) => (i % w < w / 2 ? 1 : -1))
    const random = seededRandom(7)
    for (let n = 0; n < 20; n++) {
      const out = augment(image, w, w, 1, random)
      let left = 0
      let right = 0
      out.forEach((v, i) => (i % w < w / 2 ? (left += v) : (right += v)))
      expect(left).toBeGreaterThan(right)
    }
  })

  it('changes the image and is reproducible from its seed', () => {
    const image = Float32Array.from({ length: 16 * 16 }, (_, i) => Math.sin(i))
    const a = augment(image, 16, 16, 1, seededRandom(3))
    const b = augment(image, 16, 16, 1, seededRandom(3))
    expect(Array.from(a)).toEqual(Array.from(b))
    expect(Array.from(a)).not.toEqual(Array.from(image))
  })

  it('standardises to zero mean and unit variance', () => {
    const out = standardise(Uint8Array.from([0, 50, 100, 150, 200, 250]))
    const mean = out.reduce((s, v) => s + v, 0) / out.length
    const variance = out.reduce((s, v) => s + (v - mean) ** 2, 0) / out.length
    expect(mean).toBeCloseTo(0, 6)
    expect(variance).toBeCloseTo(1, 5)
  })
})
