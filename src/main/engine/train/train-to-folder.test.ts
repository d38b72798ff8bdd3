// Checkpoints: while a run trains, its best model so far sits in a folder that loads and
// embeds; a run stopped midway leaves that and no model; a run that ends removes it.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { demoTrainingSet } from '../../../../tests/fixtures/demo-training-set'
import { tempDir } from '../../../../tests/fixtures/images'
import { initBackend } from '../backend'
import type { TrainingSet } from '../data/training-items'
import { loadModel } from '../store/model-files'
import { CPU_DEFAULTS, type TrainSettings } from './settings'
import { trainToFolder } from './train-to-folder'

const SMALL: TrainSettings = {
  ...CPU_DEFAULTS,
  model: 'branch',
  input: { width: 48, height: 32, channels: 1 },
  embedding: 16,
  width: 8,
  blocks: 1,
  subBlocks: 1,
  P: 4,
  K: 3,
  minutes: null,
  epochs: 30,
  learningRate: 3e-3,
  validationFraction: 0.5,
  // Score after every step, so validation improves (and a checkpoint is due) early.
  evaluateEverySeconds: 0
}

let set: TrainingSet

beforeAll(async () => {
  await initBackend()
  set = await demoTrainingSet({ individuals: 12, photosPerIndividual: 3, seed: 9 })
}, 120_000)

describe('trainToFolder checkpoints', () => {
  it('leaves a loadable best-so-far model, and no model, when a run is stopped', async () => {
    const dir = await tempDir()
    const out = join(dir, 'model')
    const checkpoint = join(dir, 'model.checkpoint')
    const controller = new AbortController()
    const messages: string[] = []
    const run = trainToFolder(set, SMALL, out, 'demo', {
      signal: controller.signal,
      checkpoint,
      checkpointEverySeconds: 0,
      onCheckpoint: (message) => {
        messages.push(message)
        controller.abort()
      }
    })
    await expect(run).rejects.toThrow()
    expect(messages[0]).toMatch(/^checkpoint at step \d+ \(validation MAP@5 \d\.\d{3}\)/)
    expect(existsSync(out)).toBe(false)
    const saved = await loadModel(checkpoint)
    expect(saved.record.id).toMatch(/-checkpoint$/)
    expect(saved.record.training.stoppedBecause).toMatch(/had not ended/)
    const vectors = tf.tidy(() =>
      (saved.model.predict(tf.zeros([2, 32, 48, 1])) as tf.Tensor2D).arraySync()
    )
    expect(vectors[0]).toHaveLength(16)
    expect(vectors.flat().every(Number.isFinite)).toBe(true)
    saved.model.dispose()
  }, 300_000)

  it('removes the checkpoint once the run has saved its model', async () => {
    const dir = await tempDir()
    const checkpoint = join(dir, 'model.checkpoint')
    const messages: string[] = []
    const record = await trainToFolder(set, { ...SMALL, epochs: 4 }, join(dir, 'model'), 'demo', {
      checkpoint,
      checkpointEverySeconds: 0,
      onCheckpoint: (message) => messages.push(message)
    })
    expect(record.training.steps).toBeGreaterThan(0)
    // A checkpoint was written along the way (the seeded run improves on its first scores).
    expect(messages.length).toBeGreaterThan(0)
    expect(existsSync(join(dir, 'model'))).toBe(true)
    expect(existsSync(checkpoint)).toBe(false)
  }, 300_000)
})
