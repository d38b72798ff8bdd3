import { join } from 'node:path'
import sharp from 'sharp'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/fixtures/images'
import { generateDemoDataset } from '../demo'
import { analysePhoto } from './background-distance'
import { fitRefiner, meanIoU, refineBox, type RefinerSample } from './learned-refiner'
import { toUnit, untrainedUnitBox } from './propose-box'

/** Demo photos with their true boxes, as a biologist's corrected boxes would be. */
async function demoSamples(seed: number, individuals: number): Promise<RefinerSample[]> {
  const demo = await generateDemoDataset({
    outDir: join(await tempDir(), `demo-${seed}`),
    individuals,
    photosPerIndividual: 5,
    seed,
    orientationSixEvery: 4
  })
  return Promise.all(
    demo.photos.map(async (photo) => {
      const upright = await sharp(join(demo.dir, photo.file)).autoOrient().jpeg().toBuffer()
      const { width = 0, height = 0 } = await sharp(upright).metadata()
      const analysis = await analysePhoto(upright)
      return {
        analysis,
        untrained: untrainedUnitBox(analysis),
        truth: toUnit(photo.box, { width, height })
      }
    })
  )
}

describe('the learned box refiner', () => {
  let training: RefinerSample[]
  let unseen: RefinerSample[]
  beforeAll(async () => {
    training = await demoSamples(11, 12)
    unseen = await demoSamples(7, 12)
  }, 120_000)

  it('fits in well under a second and beats the untrained proposal on unseen photos', () => {
    const started = performance.now()
    const params = fitRefiner(training)
    expect(performance.now() - started).toBeLessThan(5_000)
    expect(meanIoU(training, params)).toBeGreaterThan(meanIoU(training, null))
    // Photos of another seed, not fitted on: the gain carries over.
    expect(meanIoU(unseen, params)).toBeGreaterThan(meanIoU(unseen, null) + 0.005)
  })

  it('cuts off a thin line that runs through the fluke to the photo edges', () => {
    const width = 100
    const height = 60
    const distance = new Float32Array(width * height)
    const set = (x: number, y: number) => (distance[y * width + x] = 100)
    for (let y = 20; y < 40; y++) for (let x = 30; x < 70; x++) set(x, y)
    for (let x = 0; x < width; x++) set(x, 25)
    const analysis = { width, height, distance, threshold: 50 }
    const untrained = untrainedUnitBox(analysis)
    expect(untrained?.x0).toBeLessThan(0.1)
    const refined = refineBox(analysis, untrained, {
      columnShare: 0.1,
      rowShare: 0,
      gap: 1,
      offsets: [0, 0, 0, 0]
    })
    expect(refined.x0).toBeCloseTo(0.3, 2)
    expect(refined.x1).toBeCloseTo(0.7, 2)
    expect(refined.y0).toBeCloseTo(20 / 60, 2)
  })

  it('refuses to fit on nothing', () => {
    expect(() => fitRefiner([])).toThrow(/at least one/)
  })
})
