// The training loop: P x K batches, triplet loss with online mining, Adam. It scores the model
// on validation whales as it goes, keeps the best weights, and stops on time, epochs, cancel
// or divergence. Nothing is written here: the caller saves the result only when it is whole.
import { UserError } from '../../errors'
import * as tf from '@tensorflow/tfjs'
import { mulberry32 } from '../../random'
import type { TrainingSet } from '../data/training-items'
import { assertTrainingFits } from '../backend'
import { validationSplit } from '../eval'
import { tripletLoss } from '../loss'
import { PKSampler } from '../sampler'
import type { CurvePoint } from '../store/model-record'
import { buildModelFor } from './build-model'
import { prepareInputs, type TrainingInputs } from './inputs'
import type { TrainSettings } from './settings'
import { scoreValidation, type ValidationPlan, type ValidationScore } from './validation'
import { letOthersRun } from '../backend/event-loop'
import type { FeatureCache } from '../pretrained/feature-cache'

export interface TrainProgress {
  stage: 'cropping' | 'training' | 'scoring'
  step: number
  epoch: number
  seconds: number
  loss: number | null
  activeShare: number | null
  map5: number | null
  message: string
}

export interface TrainResult {
  model: tf.LayersModel
  curve: CurvePoint[]
  steps: number
  seconds: number
  stoppedBecause: string
  before: ValidationScore
  after: ValidationScore
  validationQueries: number
  trainItems: number
  individuals: number
  /** The validation split, as indices into the training set's items: to score another
   * model (the one in use) on exactly the same whales. */
  plan: ValidationPlan
  /** Every usable item's embedding by its key, when asked for (embedAll). */
  embeddings: Map<string, Float32Array> | null
}

export interface CheckpointInfo {
  step: number
  seconds: number
  map5: number
  curve: CurvePoint[]
}

export class TrainingDiverged extends Error {}

export async function trainModel(
  set: TrainingSet,
  settings: TrainSettings,
  options: {
    signal?: AbortSignal
    onProgress?: (progress: TrainProgress) => void
    /** Also embed every item with the final model, from the crops or features already made. */
    embedAll?: boolean
    /** Inputs prepared already (benchmarks reuse cached backbone features across runs). */
    inputs?: TrainingInputs
    /** Backbone features kept from earlier runs (pretrained model only). */
    featureCache?: FeatureCache
    /**
     * Receives the model with the best weights so far whenever validation improves, at most
     * once per `checkpointEverySeconds`, so a run killed midway still leaves a usable model.
     * The model is disposed after the returned promise settles.
     */
    onCheckpoint?: (model: tf.LayersModel, at: CheckpointInfo) => Promise<void>
    checkpointEverySeconds?: number
  } = {}
): Promise<TrainResult> {
  const { signal, onProgress } = options
  const labels = set.items.map((item) => item.label)
  const split = validationSplit(labels, {
    fraction: settings.validationFraction,
    seed: settings.seed
  })
  assertTrainable(labels, split.train)
  // The branch CNN is checked against the engine's memory before any photo is cropped.
  const early = settings.model === 'branch' ? checkedModel(settings, null) : null
  const inputs =
    options.inputs ??
    (await prepareInputs(set.items, settings, {
      signal,
      featureCache: options.featureCache,
      onProgress: (done, total, stage) =>
        onProgress?.({
          stage: 'cropping',
          step: 0,
          epoch: 0,
          seconds: 0,
          loss: null,
          activeShare: null,
          map5: null,
          message: `${stage} ${done}/${total}`
        })
    }))
  const usable = (items: number[]) => items.filter((i) => inputs.has(i))
  const trainSet = new Set(usable(split.train))
  const sampler = new PKSampler(
    labels.map((label, i) => (trainSet.has(i) ? label : null)),
    {
      P: settings.P,
      K: settings.K,
      seed: settings.seed,
      mustDiffer: set.mustDiffer.filter(([a, b]) => trainSet.has(a) && trainSet.has(b))
    }
  )
  const plan: ValidationPlan = {
    queries: usable(split.queries),
    gallery: usable(split.gallery),
    labels: labels.map((l) => l ?? 'new_whale')
  }
  const model = early ?? checkedModel(settings, inputs.featureDim)
  const optimizer = tf.train.adam(settings.learningRate)
  const random = mulberry32(settings.seed)
  const started = Date.now()
  const elapsed = () => (Date.now() - started) / 1000
  const score = async () => scoreValidation(model, inputs, plan, signal)

  const before = await score()
  let best = { map5: before.report.map5, weights: model.getWeights().map((w) => w.clone()) }
  const curve: CurvePoint[] = []
  let step = 0
  let lastScored = elapsed()
  let lastCheckpoint = elapsed()
  let stoppedBecause = 'finished'
  let last: { loss: number; activeShare: number } = { loss: NaN, activeShare: NaN }
  try {
    for (;;) {
      await letOthersRun()
      signal?.throwIfAborted()
      const batch = sampler.next()
      if (settings.epochs !== null && settings.minutes === null && batch.epoch >= settings.epochs)
        break
      if (settings.minutes !== null && elapsed() >= settings.minutes * 60) break
      const progress =
        settings.minutes !== null
          ? elapsed() / (settings.minutes * 60)
          : settings.epochs !== null
            ? batch.epoch / settings.epochs
            : 1
      const mining =
        settings.mining === 'batch-hard' && progress < (settings.batchAllWarmup ?? 0)
          ? 'batch-all'
          : settings.mining
      last = trainStep(model, optimizer, inputs, batch, { ...settings, mining }, random)
      step += 1
      if (!Number.isFinite(last.loss)) {
        stoppedBecause = `diverged at step ${step} (loss ${last.loss})`
        break
      }
      const point = {
        step,
        epoch: batch.epoch,
        seconds: elapsed(),
        loss: last.loss,
        activeShare: last.activeShare,
        map5: null as number | null
      }
      // Scoring the head on cached features takes milliseconds: do it far more often.
      const every =
        settings.model === 'pretrained'
          ? Math.min(5, settings.evaluateEverySeconds)
          : settings.evaluateEverySeconds
      if (elapsed() - lastScored >= every) {
        onProgress?.({ stage: 'scoring', ...point, message: 'scoring on validation whales' })
        const now = await score()
        lastScored = elapsed()
        point.map5 = now.report.map5
        if (now.report.map5 > best.map5) {
          best.weights.forEach((w) => w.dispose())
          best = { map5: now.report.map5, weights: model.getWeights().map((w) => w.clone()) }
          if (elapsed() - lastCheckpoint >= (options.checkpointEverySeconds ?? 60)) {
            lastCheckpoint = elapsed()
            await checkpoint(model, inputs, options.onCheckpoint, {
              step,
              seconds: elapsed(),
              map5: now.report.map5,
              curve: [...curve, point]
            })
          }
        }
      }
      curve.push(point)
      onProgress?.({
        stage: 'training',
        ...point,
        message: `step ${step}, epoch ${batch.epoch + 1}`
      })
    }
    // The last stretch since the previous score may be the best.
    const final = await score()
    if (final.report.map5 >= best.map5 && Number.isFinite(last.loss)) {
      best.weights.forEach((w) => w.dispose())
      best = { map5: final.report.map5, weights: model.getWeights().map((w) => w.clone()) }
    }
    if (step === 0 && stoppedBecause === 'finished')
      stoppedBecause = 'no training step fitted in the time'
  } catch (error) {
    best.weights.forEach((w) => w.dispose())
    model.dispose()
    optimizer.dispose()
    throw error
  }
  model.setWeights(best.weights)
  best.weights.forEach((w) => w.dispose())
  optimizer.dispose()
  if (stoppedBecause.startsWith('diverged') && best.map5 <= before.report.map5) {
    model.dispose()
    throw new TrainingDiverged(
      `Training ${stoppedBecause} before it improved on the untrained model; try a lower learning rate`
    )
  }
  const after = await score()
  const embeddings = options.embedAll
    ? await embedEveryItem(model, inputs, set, signal).catch((error: unknown) => {
        model.dispose()
        throw error
      })
    : null
  const saved = inputs.finish(model)
  if (saved !== model) model.dispose()
  return {
    embeddings,
    model: saved,
    curve,
    steps: step,
    seconds: elapsed(),
    stoppedBecause,
    before,
    after,
    validationQueries: plan.queries.length,
    trainItems: trainSet.size,
    individuals: sampler.classNames.length,
    plan
  }
}

/** Hands the caller the model as it would be saved now (for a head: standardisation folded). */
async function checkpoint(
  model: tf.LayersModel,
  inputs: TrainingInputs,
  save: ((model: tf.LayersModel, at: CheckpointInfo) => Promise<void>) | undefined,
  at: CheckpointInfo
): Promise<void> {
  if (!save) return
  const snapshot = inputs.finish(model)
  try {
    await save(snapshot, at)
  } finally {
    if (snapshot !== model) snapshot.dispose()
  }
}

async function embedEveryItem(
  model: tf.LayersModel,
  inputs: TrainingInputs,
  set: TrainingSet,
  signal?: AbortSignal
): Promise<Map<string, Float32Array>> {
  const usable = set.items.flatMap((_, i) => (inputs.has(i) ? [i] : []))
  const vectors = await inputs.embed(model, usable, signal)
  return new Map(
    usable.map((item, row) => [set.items[item]?.key ?? '', vectors[row] as Float32Array])
  )
}

/**
 * Refuses a batch that cannot fit the WebAssembly heap before the first step, with a message
 * naming the batch that would, instead of failing mid-run.
 */
function checkedModel(settings: TrainSettings, featureDim: number | null): tf.LayersModel {
  const model = buildModelFor(settings, featureDim)
  try {
    assertTrainingFits(model, settings.P * settings.K)
  } catch (error) {
    model.dispose()
    throw error
  }
  return model
}

function trainStep(
  model: tf.LayersModel,
  optimizer: tf.Optimizer,
  inputs: TrainingInputs,
  { items, classIds }: { items: number[]; classIds: number[] },
  settings: TrainSettings,
  random: () => number
): { loss: number; activeShare: number } {
  let active: tf.Scalar | null = null
  const cost = optimizer.minimize(() => {
    const x = inputs.batch(items, random)
    const embeddings = model.apply(x, { training: true }) as tf.Tensor2D
    const result = tripletLoss(embeddings, tf.tensor1d(classIds, 'int32'), {
      mining: settings.mining,
      margin: settings.margin,
      distance: settings.distance,
      seed: Math.floor(random() * 2 ** 31)
    })
    active = tf.keep(result.activeShare)
    return result.loss
  }, true)
  const loss = cost?.dataSync()[0] ?? NaN
  cost?.dispose()
  const share = (active as tf.Scalar | null)?.dataSync()[0] ?? NaN
  ;(active as tf.Scalar | null)?.dispose()
  return { loss, activeShare: share }
}

/**
 * A triplet needs two photos of one whale and a photo of another: with fewer than two whales
 * seen twice among the training photos there is nothing to learn (the loss would be 0 or NaN),
 * so the run is refused before any photo is cropped.
 */
function assertTrainable(labels: ReadonlyArray<string | null>, train: readonly number[]): void {
  const counts = new Map<string, number>()
  for (const i of train) {
    const label = labels[i]
    if (label && label !== 'new_whale') counts.set(label, (counts.get(label) ?? 0) + 1)
  }
  const repeated = [...counts.values()].filter((n) => n >= 2).length
  if (repeated < 2) {
    throw new UserError(
      `Not enough to train: ${repeated} whale(s) among the training photos have two or more photos, and training needs at least 2 (a triplet is two photos of one whale and one of another). Nothing was trained.`
    )
  }
}
