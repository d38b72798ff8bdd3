// Box proposals against the true boxes of demo photos: mean IoU of the whole photo (what import
// did first), of the untrained proposal, and of the learned proposal fitted to the true boxes
// of other photos (another seed) standing in for boxes a biologist corrected. The test photos'
// seed was tuned on by neither method. Usage:
//   npx tsx bench/boxes.ts [--photos 200] [--seed 7] [--train 100] [--train-seed 11]
import { parseArgs } from 'node:util'
import { fitRefiner, meanIoU } from '../src/main/boxes/learned-refiner'
import { demoBoxSamples } from './box-samples'

const { values } = parseArgs({
  options: {
    photos: { type: 'string', default: '200' },
    seed: { type: 'string', default: '7' },
    train: { type: 'string', default: '100' },
    'train-seed': { type: 'string', default: '11' }
  }
})

const test = await demoBoxSamples(Number(values.photos), Number(values.seed))
const train = await demoBoxSamples(Number(values.train), Number(values['train-seed']))
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
