// Scores the model on validation whales it never trained on, the way evaluate.py scores:
// one query per whale against a gallery of training photos plus the whale's other photos.
import * as tf from '@tensorflow/tfjs'
import type { TrainingInputs } from './inputs'
import { embeddingSpread } from '../loss'
import { evaluateQueries, NEW_WHALE, type EvaluationReport } from '../eval'

export interface ValidationPlan {
  queries: number[]
  gallery: number[]
  labels: string[]
}

export interface ValidationScore {
  report: EvaluationReport
  /** Mean pairwise cosine of the gallery: near 1 means the embedding collapsed. */
  spread: number
}

export async function scoreValidation(
  model: tf.LayersModel,
  inputs: TrainingInputs,
  plan: ValidationPlan,
  signal?: AbortSignal
): Promise<ValidationScore> {
  const items = [...plan.queries, ...plan.gallery]
  const vectors = await inputs.embed(model, items, signal)
  const labels = items.map((item) => plan.labels[item] ?? NEW_WHALE)
  const local = {
    queries: plan.queries.map((_, i) => i),
    gallery: plan.gallery.map((_, i) => plan.queries.length + i)
  }
  const report = evaluateQueries(vectors, labels, local)
  const sample = vectors.slice(plan.queries.length, plan.queries.length + 256)
  const spread =
    sample.length > 1
      ? tf.tidy(() => embeddingSpread(tf.stack(sample.map((v) => tf.tensor1d(v))) as tf.Tensor2D))
      : 0
  return { report, spread }
}
