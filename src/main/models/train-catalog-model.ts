// One-click retraining: the catalogue's confirmed labels (and rejected pairs) train a new
// model in the catalogue's models/ folder; the model in use is scored on the same validation
// whales so the biologist sees before and after side by side. Nothing changes in the
// catalogue unless the run finishes: a cancelled or failed run leaves no trace.
import { join } from 'node:path'
import type { JobResult, TrainingPoint } from '../../shared/contract'
import type { Catalog } from '../catalog/catalog'
import { catalogTrainingSet, type TrainingSet } from '../engine/data/training-items'
import { evaluateQueries, NEW_WHALE } from '../engine/eval'
import { seedIndex } from '../engine/index/embedding-index'
import { FeatureCache } from '../engine/pretrained/feature-cache'
import { CPU_DEFAULTS, type TrainSettings } from '../engine/train/settings'
import { newModelId, trainToFolder } from '../engine/train/train-to-folder'
import type { TrainProgress } from '../engine/train/trainer'
import type { ValidationPlan } from '../engine/train/validation'
import { UserError } from '../errors'
import type { JobContext } from '../jobs/job-manager'
import { CHART_POINTS, thinCurve } from './curve'
import type { EngineSession } from './engine-session'

export interface TrainOutcome extends JobResult {
  modelId: string
  /** True when the catalogue had no model, so the new one was made current at once. */
  madeCurrent: boolean
}

export async function trainCatalogModel(
  catalog: Catalog,
  session: EngineSession,
  minutes: number,
  context: JobContext
): Promise<TrainOutcome> {
  const hadModel = catalog.data.currentModelId !== null
  if (hadModel) {
    // The model in use must have embedded every photo to be scored on the new split.
    context.progress(0, 0, 'Embedding new photos with the model in use')
    await session.refresh(catalog, { signal: context.signal })
  }
  const set = catalogTrainingSet(catalog.data)
  // The box versions the crops are made from: a box corrected during the run is embedded again.
  const versions = new Map(catalog.data.annotations.map((a) => [a.id, a.updatedAt]))
  if (minutes > 0) assertEnoughToTrain(set)
  const settings: TrainSettings = {
    ...CPU_DEFAULTS,
    minutes,
    epochs: null,
    validationFraction: validationFraction(set)
  }
  const id = newModelId()
  const chart = new Chart(context, minutes)
  const record = await trainToFolder(set, settings, join(catalog.dir, 'models', id), catalog.dir, {
    id,
    signal: context.signal,
    featureCache:
      settings.model === 'pretrained' ? await FeatureCache.open(catalog.dir) : undefined,
    onProgress: (progress) => chart.add(progress),
    compare: hadModel ? async (plan) => scoreInUse(catalog, session, set, plan) : undefined,
    // The run has every crop in hand: its embeddings make the new model usable at once.
    onEmbeddings: async (embeddings, saved) =>
      seedIndex(
        catalog.dir,
        saved.id,
        saved.embedding,
        [...embeddings].flatMap(([id, vector]) => {
          const updatedAt = versions.get(id)
          return updatedAt ? [{ annotation: { id, updatedAt }, vector }] : []
        })
      )
  })
  context.signal.throwIfAborted()
  const madeCurrent = !hadModel
  await catalog.update((data) => {
    data.models.push({
      id,
      createdAt: record.createdAt,
      kind: record.kind,
      dir: id,
      scores: record.scores,
      comparedWith: hadModel ? data.currentModelId : null
    })
    if (madeCurrent) data.currentModelId = id
  })
  return { modelId: id, madeCurrent }
}

/** Needs at least two whales seen twice: a triplet needs a pair and someone else. */
function assertEnoughToTrain(set: TrainingSet): void {
  const counts = new Map<string, number>()
  for (const item of set.items) {
    if (item.label) counts.set(item.label, (counts.get(item.label) ?? 0) + 1)
  }
  const repeated = [...counts.values()].filter((n) => n >= 2).length
  if (repeated < 4) {
    throw new UserError(
      `Not enough confirmed matches to train: ${repeated} individual(s) have two or more photos, and training needs at least 4 (some for training, some to score it). Confirm more matches, or import a labelled catalogue.`
    )
  }
}

/**
 * The default share of whales held out to score a run, raised for a small catalogue so that
 * at least MIN_VALIDATION_WHALES are scored (half of them kept in the gallery), but never more
 * than half of the whales.
 */
const MIN_VALIDATION_WHALES = 4

function validationFraction(set: TrainingSet): number {
  const whales = new Set(set.items.flatMap((item) => (item.label ? [item.label] : []))).size
  if (whales === 0) return CPU_DEFAULTS.validationFraction
  return Math.min(0.5, Math.max(CPU_DEFAULTS.validationFraction, MIN_VALIDATION_WHALES / whales))
}

async function scoreInUse(
  catalog: Catalog,
  session: EngineSession,
  set: TrainingSet,
  plan: ValidationPlan
) {
  const vectors = await session.vectorsById(catalog)
  const items = [...plan.queries, ...plan.gallery]
  const found = items.map((i) => vectors.get(set.items[i]?.key ?? ''))
  if (found.some((v) => !v)) return null
  const labels = items.map((i) => plan.labels[i] ?? NEW_WHALE)
  return evaluateQueries(found as Float32Array[], labels, {
    queries: plan.queries.map((_, i) => i),
    gallery: plan.gallery.map((_, i) => plan.queries.length + i)
  })
}

/** Turns the trainer's progress into the job's bar, message and live curve. */
class Chart {
  private points: TrainingPoint[] = []

  constructor(
    private readonly context: JobContext,
    private readonly minutes: number
  ) {}

  add(progress: TrainProgress): void {
    const total = this.minutes * 60
    if (progress.stage === 'cropping') {
      this.context.progress(0, 0, `Preparing photos: ${progress.message}`)
      return
    }
    if (progress.loss !== null && Number.isFinite(progress.loss)) {
      this.points.push({ seconds: progress.seconds, loss: progress.loss, map5: progress.map5 })
      if (this.points.length > 2 * CHART_POINTS) this.points = thinCurve(this.points)
      this.context.showTraining({ minutes: this.minutes, curve: this.points })
    }
    const map5 = progress.map5 === null ? '' : `, validation MAP@5 ${progress.map5.toFixed(3)}`
    this.context.progress(
      Math.min(progress.seconds, total),
      total,
      `${progress.message}${progress.loss === null ? '' : `, loss ${progress.loss.toFixed(3)}`}${map5}`
    )
  }
}
