import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../../tests/fixtures/images'
import { clampRegion, cropAnnotation } from './crop'

/** 200 x 100 image: left half black, right half white, with a white square at (20..40, 20..40). */
async function twoTone(path: string, orientation?: number) {
  const w = 200
  const h = 100
  const px = Buffer.alloc(w * h)
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++)
      px[y * w + x] = x >= 100 || (x >= 20 && x < 40 && y >= 20 && y < 40) ? 255 : 0
  }
  let image = sharp(px, { raw: { width: w, height: h, channels: 1 } })
  if (orientation === 6) {
    // Store the pixels turned 90 degrees anticlockwise; EXIF 6 tells viewers to turn them back.
    image = sharp(await image.rotate(-90).png().toBuffer()).withMetadata({ orientation: 6 })
  }
  await image.png().toFile(path)
  return path
}

const mean = (pixels: Uint8Array) => pixels.reduce((a, b) => a + b, 0) / pixels.length

describe('cropAnnotation', () => {
  it('cuts the box in upright original pixels and resizes it', async () => {
    const path = await twoTone(join(await tempDir(), 'a.png'))
    const white = await cropAnnotation(
      { path, box: { x: 20, y: 20, width: 20, height: 20 }, rotation: 0 },
      { width: 8, height: 8, channels: 1 }
    )
    expect(white).toHaveLength(64)
    expect(mean(white)).toBeGreaterThan(250)
    const black = await cropAnnotation(
      { path, box: { x: 50, y: 50, width: 40, height: 40 }, rotation: 0 },
      { width: 8, height: 8, channels: 3 }
    )
    expect(black).toHaveLength(8 * 8 * 3)
    expect(mean(black)).toBeLessThan(5)
  })

  it('honours EXIF orientation: the same box gives the same crop', async () => {
    const dir = await tempDir()
    const plain = await twoTone(join(dir, 'plain.png'))
    const turned = await twoTone(join(dir, 'turned.png'), 6)
    const box = { x: 10, y: 10, width: 40, height: 40 }
    const a = await cropAnnotation(
      { path: plain, box, rotation: 0 },
      { width: 16, height: 16, channels: 1 }
    )
    const b = await cropAnnotation(
      { path: turned, box, rotation: 0 },
      { width: 16, height: 16, channels: 1 }
    )
    const diff = a.reduce((sum, v, i) => sum + Math.abs(v - (b[i] ?? 0)), 0) / a.length
    expect(diff).toBeLessThan(3)
  })

  it('turns a rotated box back upright', async () => {
    const path = await twoTone(join(await tempDir(), 'r.png'))
    // A box centred on the black/white border, rotated 90 degrees: after turning back, the
    // border runs horizontally: top half one colour, bottom half the other.
    const crop = await cropAnnotation(
      { path, box: { x: 70, y: 30, width: 60, height: 40 }, rotation: 90 },
      { width: 20, height: 20, channels: 1 }
    )
    const top = mean(crop.subarray(0, 20 * 8))
    const bottom = mean(crop.subarray(20 * 12))
    expect(Math.abs(top - bottom)).toBeGreaterThan(200)
    const flat = await cropAnnotation(
      { path, box: { x: 70, y: 30, width: 60, height: 40 }, rotation: 0 },
      { width: 20, height: 20, channels: 1 }
    )
    const left = mean(
      Uint8Array.from({ length: 100 }, (_, i) => flat[Math.floor(i / 5) * 20 + (i % 5)] ?? 0)
    )
    const right = mean(
      Uint8Array.from({ length: 100 }, (_, i) => flat[Math.floor(i / 5) * 20 + 15 + (i % 5)] ?? 0)
    )
    expect(right - left).toBeGreaterThan(200)
  })

  it('clamps regions to the image', () => {
    expect(clampRegion(-5, -5, 20, 20, 10, 10)).toEqual({ left: 0, top: 0, width: 10, height: 10 })
    expect(clampRegion(9.6, 3, 5, 5, 10, 10)).toEqual({ left: 9, top: 3, width: 1, height: 5 })
  })
})
