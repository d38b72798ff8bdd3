// Box proposals against the true boxes of demo photos: mean IoU of the whole photo (what import
// did first), of the untrained proposal, and of the learned proposal fitted to the true boxes
// of other photos (another seed) standing in for boxes a biologist corrected. The test photos'
// seed was tuned on by neither method. Usage:
//   npx tsx bench/boxes.ts [--photos 200] [--seed 7] [--train 100] [--train-seed 11]
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import sharp from 'sharp'
import { analysePhoto } from '../src/main/boxes/background-distance'
import { fitRefiner, meanIoU, type RefinerSample } from '../src/main/boxes/learned-refiner'
import { toUnit, untrainedUnitBox } from '../src/main/boxes/propose-box'
import { generateDemoDataset } from '../src/main/demo'

const { values } = parseArgs({
  options: {
    photos: { type: 'string', default: '200' },
    seed: { type: 'string', default: '7' },
    train: { type: 'string', default: '100' },
    'train-seed': { type: 'string', default: '11' }
  }
})

async function samples(count: number, seed: number) {
  const perIndividual = 5
  const demo = await generateDemoDataset({
    outDir: join(await mkdtemp(join(tmpdir(), 'fp-bench-boxes-')), 'demo'),
    individuals: Math.ceil(count / perIndividual),
    photosPerIndividual: perIndividual,
    seed,
    orientationSixEvery: 4
  })
  const out: RefinerSample[] = []
  let ms = 0
  for (const photo of demo.photos.slice(0, count)) {
    const upright = await sharp(join(demo.dir, photo.file)).autoOrient().jpeg().toBuffer()
    const { width = 0, height = 0 } = await sharp(upright).metadata()
    const started = performance.now()
    const analysis = await analysePhoto(upright)
    const untrained = untrainedUnitBox(analysis)
    ms += performance.now() - started
    out.push({ analysis, untrained, truth: toUnit(photo.box, { width, height }) })
  }
  return { samples: out, msPerPhoto: ms / out.length }
}

const test = await samples(Number(values.photos), Number(values.seed))
const train = await samples(Number(values.train), Number(values['train-seed']))
const fitStarted = performance.now()
const params = fitRefiner(train.samples)
const fitSeconds = (performance.now() - fitStarted) / 1000
const whole = test.samples.map((s) => ({ ...s, untrained: null }))
console.log(
  JSON.stringify({
    photos: test.samples.length,
    seed: Number(values.seed),
    wholePhotoMeanIoU: +meanIoU(whole, null).toFixed(3),
    untrainedMeanIoU: +meanIoU(test.samples, null).toFixed(3),
    noProposal: test.samples.filter((s) => !s.untrained).length,
    msPerPhoto: +test.msPerPhoto.toFixed(1),
    learned: {
      trainedOn: train.samples.length,
      trainSeed: Number(values['train-seed']),
      fitSeconds: +fitSeconds.toFixed(2),
      meanIoU: +meanIoU(test.samples, params).toFixed(3),
      params
    }
  })
)
