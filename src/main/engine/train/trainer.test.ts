// Learning, not just running: on demo flukes the loss falls and validation MAP@5 rises above
// the untrained network's; memory stays flat; a cancelled run throws and leaves nothing.
import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { demoTrainingSet } from '../../../../tests/fixtures/demo-training-set'
import { initBackend } from '../backend'
import type { TrainingSet } from '../data/training-items'
import { CPU_DEFAULTS, type TrainSettings } from './settings'
import { embedCrops } from '../data/batches'
import { CropStore } from '../data/crop-store'
import { leaveOneOut } from '../eval'
import { buildModelFor } from './build-model'
import { trainModel } from './trainer'

const SMALL: TrainSettings = {
  ...CPU_DEFAULTS,
  model: 'branch',
  input: { width: 48, height: 32, channels: 1 },
  embedding: 32,
  width: 8,
  blocks: 2,
  subBlocks: 1,
  P: 6,
  K: 3,
  minutes: null,
  epochs: 40,
  learningRate: 3e-3,
  // Half the 30 demo whales are scored: fewer make MAP@5 too coarse to show learning.
  validationFraction: 0.5,
  evaluateEverySeconds: 1e9
}

let set: TrainingSet

beforeAll(async () => {
  await initBackend()
  set = await demoTrainingSet({ individuals: 20, photosPerIndividual: 4, seed: 5 })
}, 120_000)

describe('trainModel on demo flukes', () => {
  it('lowers the loss and beats the untrained network', { timeout: 300_000 }, async () => {
    const result = await trainModel(set, SMALL)
    const losses = result.curve.map((p) => p.loss)
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    expect(mean(losses.slice(-10))).toBeLessThan(mean(losses.slice(0, 10)))
    // Leave-one-out over every demo whale, against the same network before training (the
    // run's seed draws the same initial weights).
    const store = await CropStore.load(set.items, SMALL.input)
    const all = set.items.map((_, i) => i)
    const labels = set.items.map((item) => item.label ?? 'new_whale')
    const map5 = async (model: tf.LayersModel) =>
      leaveOneOut(await embedCrops(model, store, all), labels).map5
    const untrained = buildModelFor(SMALL, null)
    expect(await map5(result.model)).toBeGreaterThan((await map5(untrained)) + 0.05)
    // On whales it never trained on it must not get worse: the best weights are kept.
    expect(result.after.report.map5).toBeGreaterThanOrEqual(result.before.report.map5)
    untrained.dispose()
    result.model.dispose()
  })

  it('trains the pretrained head on backbone features', { timeout: 300_000 }, async () => {
    const result = await trainModel(set, {
      ...SMALL,
      model: 'pretrained',
      input: { width: 224, height: 224, channels: 3 },
      embedding: 64,
      epochs: 30
    })
    const losses = result.curve.map((p) => p.loss)
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
    expect(mean(losses.slice(-10))).toBeLessThan(mean(losses.slice(0, 10)))
    expect(result.after.report.map5).toBeGreaterThanOrEqual(result.before.report.map5)
    result.model.dispose()
  })

  it('keeps memory flat across epochs', { timeout: 300_000 }, async () => {
    const counts: number[] = []
    const result = await trainModel(
      set,
      { ...SMALL, epochs: 24 },
      {
        onProgress: (p) => {
          if (p.stage === 'training' && p.step % 5 === 0) counts.push(tf.memory().numTensors)
        }
      }
    )
    expect(counts.length).toBeGreaterThan(4)
    expect(Math.max(...counts.slice(2))).toBe(Math.min(...counts.slice(2)))
    result.model.dispose()
  })

  it('refuses a batch too large for the engine with a clear message', async () => {
    const huge = {
      ...SMALL,
      input: { width: 2048, height: 2048, channels: 1 as const },
      P: 32,
      K: 8,
      width: 32
    }
    await expect(trainModel(set, huge)).rejects.toThrow(/images fit/)
  })

  it('stops when cancelled', { timeout: 120_000 }, async () => {
    const controller = new AbortController()
    const run = trainModel(
      set,
      { ...SMALL, epochs: 1000 },
      {
        signal: controller.signal,
        onProgress: (p) => {
          if (p.stage === 'training' && p.step === 3) controller.abort()
        }
      }
    )
    await expect(run).rejects.toThrow(/abort/i)
  })
})
