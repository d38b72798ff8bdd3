// Tuning the pretrained model's head on unseen whales, fast: the backbone features of the
// identity split's train and test folders are extracted once and cached, then each run trains
// the head with the engine's own loop (trainModel) on the train part and is scored
// leave-one-out on the test part with the in-process port of evaluate.py (bit for bit the same
// MAP@5 as the judge). Runs are setting overrides as JSON, several seeds each.
// Usage: npx tsx bench/head-tuning.ts --data DIR [--work /tmp/fp-head] [--seconds 60 | --epochs N]
//   [--seeds 1,2,3] --run '{"mining":"random"}' [--run '{...}' ...]
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { initBackend } from '../src/main/engine/backend'
import { CropStore } from '../src/main/engine/data/crop-store'
import { kaggleTrainingSet, type TrainingSet } from '../src/main/engine/data/training-items'
import { leaveOneOut, NEW_WHALE } from '../src/main/engine/eval'
import { extractFeatures, INPUT_SIZE } from '../src/main/engine/pretrained'
import { projectFeatures } from '../src/main/engine/run/embedder'
import { headInputs } from '../src/main/engine/train/inputs'
import {
  CPU_DEFAULTS,
  PRETRAINED_LEARNING_RATE,
  type TrainSettings
} from '../src/main/engine/train/settings'
import { trainModel } from '../src/main/engine/train/trainer'

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    work: { type: 'string', default: '/tmp/fp-head' },
    seconds: { type: 'string' },
    epochs: { type: 'string' },
    seeds: { type: 'string', default: '1' },
    run: { type: 'string', multiple: true, default: ['{}'] }
  }
})
if (!values.data) throw new Error('--data DIR is required (a Kaggle-layout folder)')
const root = resolve(import.meta.dirname, '..')
const data = resolve(values.data)
const work = join(resolve(values.work), basename(data))
mkdirSync(work, { recursive: true })
const split = join(work, 'split')
if (!existsSync(join(split, 'test', 'train.csv'))) {
  execFileSync(
    'npx',
    ['tsx', join(root, 'bench/split-dataset.ts'), '--data', data, '--out', split],
    { stdio: 'inherit' }
  )
}
await initBackend()

/** Backbone features of every usable item, cached under the work folder by item key. */
async function features(set: TrainingSet, name: string): Promise<Map<number, Float32Array>> {
  const file = join(work, `features-${name}.json`)
  if (!existsSync(file)) {
    const store = await CropStore.load(set.items, {
      width: INPUT_SIZE,
      height: INPUT_SIZE,
      channels: 3
    })
    const usable = set.items.flatMap((_, i) => (store.has(i) ? [i] : []))
    const vectors = await extractFeatures(
      usable.map((i) => store.pixels(i)),
      { onProgress: (done, total) => done % 200 === 0 && console.error(`${name} ${done}/${total}`) }
    )
    const byKey: Record<string, number[]> = Object.fromEntries(
      usable.map((i, row) => [set.items[i]?.key ?? '', Array.from(vectors[row] ?? [])])
    )
    writeFileSync(file, JSON.stringify(byKey))
  }
  const byKey = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number[]>
  const map = new Map<number, Float32Array>()
  set.items.forEach((item, i) => {
    const v = byKey[item.key]
    if (v) map.set(i, Float32Array.from(v))
  })
  return map
}

const trainSet = await kaggleTrainingSet(join(split, 'train'))
const testSet = await kaggleTrainingSet(join(split, 'test'))
const trainFeatures = await features(trainSet, 'train')
const testFeatures = await features(testSet, 'test')
const testRows = [...testFeatures.keys()]
const testLabels = testRows.map((i) => testSet.items[i]?.label ?? NEW_WHALE)

for (const run of values.run) {
  const overrides = JSON.parse(run) as Partial<TrainSettings>
  for (const seed of (values.seeds ?? '1').split(',').map(Number)) {
    const settings: TrainSettings = {
      ...CPU_DEFAULTS,
      learningRate: PRETRAINED_LEARNING_RATE,
      minutes: values.seconds ? Number(values.seconds) / 60 : null,
      epochs: values.epochs ? Number(values.epochs) : null,
      seed,
      ...overrides,
      model: 'pretrained'
    }
    const result = await trainModel(trainSet, settings, { inputs: headInputs(trainFeatures) })
    const vectors = await projectFeatures(
      result.model,
      testRows.map((i) => testFeatures.get(i) as Float32Array)
    )
    const report = leaveOneOut(vectors, testLabels)
    const last = result.curve.slice(-50)
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(xs.length, 1)
    console.log(
      JSON.stringify({
        run: overrides,
        seed,
        map5: +report.map5.toFixed(4),
        top1: +report.top1.toFixed(4),
        steps: result.steps,
        validationBefore: +result.before.report.map5.toFixed(3),
        validationAfter: +result.after.report.map5.toFixed(3),
        validationQueries: result.validationQueries,
        spread: +result.after.spread.toFixed(3),
        lossEnd: +mean(last.map((p) => p.loss)).toFixed(4),
        activeEnd: +mean(last.map((p) => p.activeShare)).toFixed(3),
        keptStep: result.curve.findIndex((p) => p.map5 === result.after.report.map5)
      })
    )
    result.model.dispose()
  }
}
