// A whole training run as the CLI and the app use it: train, score, and save the model with
// its record. The model folder appears only when everything succeeded.
import { randomUUID } from 'node:crypto'
import { rm } from 'node:fs/promises'
import type * as tf from '@tensorflow/tfjs'
import { initBackend } from '../backend'
import type { TrainingSet } from '../data/training-items'
import type { ModelRecord } from '../store/model-record'
import { saveModel } from '../store/model-files'
import { architectureOf } from './build-model'
import { describeSettings, type TrainSettings } from './settings'
import { trainModel, type CheckpointInfo, type TrainProgress } from './trainer'
import type { ValidationPlan } from './validation'
import type { EvaluationReport } from '../eval'
import type { FeatureCache } from '../pretrained/feature-cache'

export async function trainToFolder(
  set: TrainingSet,
  settings: TrainSettings,
  out: string,
  source: string,
  options: {
    signal?: AbortSignal
    onProgress?: (progress: TrainProgress) => void
    /** The new model's id; generated when not given. */
    id?: string
    /** Scores another model (the one in use) on this run's validation split. */
    compare?: (plan: ValidationPlan) => Promise<EvaluationReport | null>
    /** Backbone features kept from earlier runs (pretrained model only). */
    featureCache?: FeatureCache
    /** Receives every item's embedding by the new model, once the model is saved. */
    onEmbeddings?: (embeddings: Map<string, Float32Array>, record: ModelRecord) => Promise<void>
    /**
     * A folder for the best model so far, rewritten whenever validation improves (at most once
     * a minute) and removed when the run ends with its model saved: a run that is killed or
     * crashes leaves a model there that embed, evaluate and match can use.
     */
    checkpoint?: string
    /** At most one checkpoint per this many seconds (default 60). */
    checkpointEverySeconds?: number
    /** Told where each checkpoint went, or why it could not be written (training goes on). */
    onCheckpoint?: (message: string) => void
  } = {}
): Promise<ModelRecord> {
  const backend = await initBackend()
  const id = options.id ?? newModelId()
  const result = await trainModel(set, settings, {
    ...options,
    embedAll: options.onEmbeddings !== undefined,
    onCheckpoint: options.checkpoint
      ? saveCheckpoint(
          options.checkpoint,
          { id, settings, source, backend: backend.name },
          options.onCheckpoint
        )
      : undefined
  })
  const { before, after } = result
  const previous = await options.compare?.(result.plan).catch((error: unknown) => {
    result.model.dispose()
    throw error
  })
  const record: ModelRecord = {
    ...modelIdentity(id, settings, result.model),
    newWhaleThreshold:
      result.validationQueries >= MIN_CALIBRATION_QUERIES
        ? finiteThreshold(after.report.newWhale.threshold)
        : NEVER_NEW_WHALE,
    backend: backend.name,
    training: {
      data: {
        source,
        items: result.trainItems,
        individuals: result.individuals,
        validationQueries: result.validationQueries
      },
      settings: describeSettings(settings),
      curve: result.curve,
      steps: result.steps,
      seconds: result.seconds,
      stoppedBecause: result.stoppedBecause
    },
    scores: finiteOnly({
      validationMap5: after.report.map5,
      validationTop1: after.report.top1,
      validationMap5WithNew: after.report.map5WithNew,
      untrainedValidationMap5: before.report.map5,
      embeddingSpread: after.spread,
      ...(previous
        ? { previousValidationMap5: previous.map5, previousValidationTop1: previous.top1 }
        : {})
    })
  }
  try {
    await saveModel(result.model, record, out)
  } finally {
    result.model.dispose()
  }
  if (options.checkpoint) await rm(options.checkpoint, { recursive: true, force: true })
  if (result.embeddings) await options.onEmbeddings?.(result.embeddings, record)
  return record
}

/** Writes the best model so far with a record that says it is a checkpoint of a run. */
function saveCheckpoint(
  dir: string,
  run: { id: string; settings: TrainSettings; source: string; backend: ModelRecord['backend'] },
  report: ((message: string) => void) | undefined
) {
  return async (model: tf.LayersModel, at: CheckpointInfo): Promise<void> => {
    const { settings } = run
    const record: ModelRecord = {
      ...modelIdentity(`${run.id}-checkpoint`, settings, model),
      // Calibrating takes a full scoring pass: a checkpoint never suggests new_whale.
      newWhaleThreshold: NEVER_NEW_WHALE,
      backend: run.backend,
      training: {
        data: { source: run.source, items: 0, individuals: 0, validationQueries: 0 },
        settings: describeSettings(settings),
        curve: at.curve,
        steps: at.step,
        seconds: at.seconds,
        stoppedBecause: `checkpoint of run ${run.id} at step ${at.step}; the run had not ended`
      },
      scores: finiteOnly({ validationMap5: at.map5 })
    }
    try {
      await saveModel(model, record, dir)
      report?.(`checkpoint at step ${at.step} (validation MAP@5 ${at.map5.toFixed(3)}): ${dir}`)
    } catch (error) {
      report?.(`checkpoint not written (${(error as Error).message}); training goes on`)
    }
  }
}

/** What a saved model is: the record fields a final model and a checkpoint share. */
function modelIdentity(id: string, settings: TrainSettings, model: tf.LayersModel) {
  return {
    format: 'flukeprint-model/1' as const,
    id,
    createdAt: new Date().toISOString(),
    kind: settings.model,
    input: settings.input,
    embedding: outputSize(model),
    architecture: architectureOf(settings)
  }
}

export const newModelId = () =>
  `m-${new Date().toISOString().slice(0, 10)}-${randomUUID().slice(0, 8)}`

/** A threshold fitted on fewer validation whales than this is noise: new_whale is then never
 * suggested, rather than suggested for every query. */
const MIN_CALIBRATION_QUERIES = 10
const NEVER_NEW_WHALE = -1.01

/** A fitted threshold may be +-Infinity (always / never new_whale); cosine lies in [-1, 1]. */
const finiteThreshold = (value: number) =>
  Math.max(NEVER_NEW_WHALE, Math.min(1.01, Number.isNaN(value) ? NEVER_NEW_WHALE : value))

const outputSize = (model: { outputs: { shape: (number | null)[] }[] }) =>
  model.outputs[0]?.shape[1] ?? 0

/** Scores that could not be computed (too few validation whales) are left out, not NaN. */
const finiteOnly = (scores: Record<string, number>) =>
  Object.fromEntries(Object.entries(scores).filter(([, value]) => Number.isFinite(value)))
