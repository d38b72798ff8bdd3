import { join } from 'node:path'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/fixtures/images'
import { generateDemoDataset } from '../demo'
import { iou } from './iou'
import { proposeBox } from './propose-box'

describe('the untrained box proposal', () => {
  it(
    'finds the flukes of demo photos far better than the whole photo',
    { timeout: 60_000 },
    async () => {
      const demo = await generateDemoDataset({
        outDir: join(await tempDir(), 'demo'),
        individuals: 6,
        photosPerIndividual: 3,
        seed: 11,
        orientationSixEvery: 3
      })
      let proposed = 0
      let whole = 0
      for (const photo of demo.photos) {
        const upright = await sharp(join(demo.dir, photo.file)).autoOrient().jpeg().toBuffer()
        const { width = 0, height = 0 } = await sharp(upright).metadata()
        const full = { x: 0, y: 0, width, height }
        proposed += iou((await proposeBox(upright, { width, height })) ?? full, photo.box)
        whole += iou(full, photo.box)
      }
      expect(proposed / demo.photos.length).toBeGreaterThan(0.75)
      expect(whole / demo.photos.length).toBeLessThan(0.3)
    }
  )

  it('proposes nothing on a photo where nothing stands out', async () => {
    const plain = await sharp({
      create: { width: 120, height: 80, channels: 3, background: { r: 40, g: 80, b: 120 } }
    })
      .jpeg()
      .toBuffer()
    expect(await proposeBox(plain, { width: 1200, height: 800 })).toBeNull()
  })
})
