// Demo photos as box samples for the box benchmarks: each photo analysed as import does
// (background distance on a 128-pixel rendering), its untrained proposal, and its true box
// standing in for the box a biologist corrected.
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { analysePhoto } from '../src/main/boxes/background-distance'
import type { RefinerSample } from '../src/main/boxes/learned-refiner'
import { toUnit, untrainedUnitBox } from '../src/main/boxes/propose-box'
import { generateDemoDataset } from '../src/main/demo'

export async function demoBoxSamples(
  count: number,
  seed: number
): Promise<{ samples: RefinerSample[]; msPerPhoto: number }> {
  const perIndividual = 5
  const demo = await generateDemoDataset({
    outDir: join(await mkdtemp(join(tmpdir(), 'fp-bench-boxes-')), 'demo'),
    individuals: Math.ceil(count / perIndividual),
    photosPerIndividual: perIndividual,
    seed,
    orientationSixEvery: 4
  })
  const samples: RefinerSample[] = []
  let ms = 0
  for (const photo of demo.photos.slice(0, count)) {
    const upright = await sharp(join(demo.dir, photo.file)).autoOrient().jpeg().toBuffer()
    const { width = 0, height = 0 } = await sharp(upright).metadata()
    const started = performance.now()
    const analysis = await analysePhoto(upright)
    const untrained = untrainedUnitBox(analysis)
    ms += performance.now() - started
    samples.push({ analysis, untrained, truth: toUnit(photo.box, { width, height }) })
  }
  return { samples, msPerPhoto: ms / samples.length }
}
