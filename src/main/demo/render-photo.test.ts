import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { identityFor } from './identity'
import { renderFlukePhoto } from './render-photo'
import { renderScene } from './render-scene'
import { correlation, fingerprint, mean } from './test-utils'
import { variationFor } from './variation'

const size = { width: 640, height: 427 }

describe('renderFlukePhoto', () => {
  it('gives byte-identical JPEGs for the same seed, and different ones for another', async () => {
    const a = await renderFlukePhoto(identityFor(7, 2), variationFor(7, 5), size)
    const b = await renderFlukePhoto(identityFor(7, 2), variationFor(7, 5), size)
    const c = await renderFlukePhoto(identityFor(8, 2), variationFor(8, 5), size)
    expect(a.jpeg.equals(b.jpeg)).toBe(true)
    expect(a.box).toEqual(b.box)
    expect(a.jpeg.equals(c.jpeg)).toBe(false)
    const meta = await sharp(a.jpeg).metadata()
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 640, 427])
  })

  it('changes exactly the pixels inside the box, and the box is tight', async () => {
    for (let k = 0; k < 6; k++) {
      const v = variationFor(11, k)
      const fluke = await renderScene(identityFor(11, k), v, size)
      const sea = await renderScene(null, v, size)
      const box = fluke.box
      if (!box) throw new Error('no box')
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.y).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(size.width)
      expect(box.y + box.height).toBeLessThanOrEqual(size.height)
      // Fluke spans roughly 25%..70% of the width (less when turned and foreshortened).
      expect(box.width / size.width).toBeGreaterThan(0.18)
      expect(box.width / size.width).toBeLessThan(0.75)
      let changedInside = 0
      let minX = Infinity
      let minY = Infinity
      let maxX = -Infinity
      let maxY = -Infinity
      for (let y = 0; y < size.height; y++) {
        for (let x = 0; x < size.width; x++) {
          const i = (y * size.width + x) * 3
          const d = [0, 1, 2].reduce(
            (s, c) => s + Math.abs((fluke.pixels[i + c] ?? 0) - (sea.pixels[i + c] ?? 0)),
            0
          )
          if (d === 0) continue
          changedInside++
          ;[minX, minY, maxX, maxY] = [
            Math.min(minX, x),
            Math.min(minY, y),
            Math.max(maxX, x),
            Math.max(maxY, y)
          ]
        }
      }
      // Every changed pixel is in the box, and the changes reach (within a pixel) all its sides.
      expect(minX).toBeGreaterThanOrEqual(box.x)
      expect(minY).toBeGreaterThanOrEqual(box.y)
      expect(maxX).toBeLessThan(box.x + box.width)
      expect(maxY).toBeLessThan(box.y + box.height)
      expect(minX - box.x).toBeLessThanOrEqual(1)
      expect(minY - box.y).toBeLessThanOrEqual(1)
      expect(box.x + box.width - 1 - maxX).toBeLessThanOrEqual(1)
      expect(box.y + box.height - 1 - maxY).toBeLessThanOrEqual(1)
      // The silhouette fills a fair part of its box.
      expect(changedInside / (box.width * box.height)).toBeGreaterThan(0.3)
    }
  })

  it.each([3, 6, 8])('stores orientation %i turned so it comes back upright', async (o) => {
    const v = { ...variationFor(3, 1), blur: 0 }
    const upright = await renderFlukePhoto(identityFor(3, 1), v, size)
    const turned = await renderFlukePhoto(identityFor(3, 1), v, size, undefined, o)
    expect(turned.box).toEqual(upright.box)
    const stored = await sharp(turned.jpeg).metadata()
    expect(stored.orientation).toBe(o)
    const swap = o !== 3
    expect([stored.width, stored.height]).toEqual(swap ? [427, 640] : [640, 427])
    const a = await sharp(upright.jpeg).raw().toBuffer()
    const { data, info } = await sharp(turned.jpeg)
      .rotate()
      .raw()
      .toBuffer({ resolveWithObject: true })
    expect([info.width, info.height]).toEqual([640, 427])
    let diff = 0
    for (let i = 0; i < a.length; i++) diff += Math.abs((a[i] ?? 0) - (data[i] ?? 0))
    expect(diff / a.length).toBeLessThan(3) // only JPEG loss differs
  })

  it('makes photos of one individual more alike than photos of different individuals', async () => {
    const individuals = 5
    const perWhale = 3
    const prints: Float64Array[][] = []
    for (let w = 0; w < individuals; w++) {
      const row: Float64Array[] = []
      for (let k = 0; k < perWhale; k++) {
        const photo = await renderFlukePhoto(identityFor(1, w), variationFor(1, w * 10 + k), size)
        row.push(await fingerprint(photo.jpeg, photo.box))
      }
      prints.push(row)
    }
    const same: number[] = []
    const other: number[] = []
    prints.forEach((row, w) =>
      row.forEach((a, k) =>
        prints.forEach((row2, w2) =>
          row2.forEach((b, k2) => {
            if (w === w2 && k < k2) same.push(correlation(a, b))
            if (w < w2) other.push(correlation(a, b))
          })
        )
      )
    )
    expect(mean(same)).toBeGreaterThan(mean(other) + 0.15)
  })

  it('rejects orientations it cannot produce', async () => {
    await expect(
      renderFlukePhoto(identityFor(1, 0), variationFor(1, 0), size, undefined, 5)
    ).rejects.toThrow(/orientation 5/)
  })
})
