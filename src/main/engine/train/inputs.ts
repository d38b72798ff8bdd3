// What a training run feeds its network. The branch CNN learns from augmented crops; the
// pretrained model's head learns from backbone features computed once per crop, which is what
// makes one-click retraining fast on a laptop.
import * as tf from '@tensorflow/tfjs'
import { inputBatch, embedCrops } from '../data/batches'
import { CropStore } from '../data/crop-store'
import type { TrainingItem } from '../data/training-items'
import {
  BACKBONE_LAYER,
  BACKBONE_POOLING,
  DEFAULT_NORMALISATION,
  INPUT_SIZE,
  extractFeatures
} from '../pretrained'
import { projectFeatures } from '../run/embedder'
import type { TrainSettings } from './settings'

export interface TrainingInputs {
  /** False where the crop could not be made (a corrupt or missing photo). */
  has(index: number): boolean
  /** A training batch, augmented. */
  batch(indices: number[], random: () => number): tf.Tensor
  /** Unit-length embeddings through `model`, no augmentation. */
  embed(model: tf.LayersModel, indices: number[], signal?: AbortSignal): Promise<Float32Array[]>
  /** Length of one input row for the pretrained head; null for image inputs. */
  featureDim: number | null
  /** The model to save: for the head, with the feature standardisation folded into it. */
  finish(model: tf.LayersModel): tf.LayersModel
}

type Progress = (done: number, total: number, stage: string) => void

export async function prepareInputs(
  items: TrainingItem[],
  settings: TrainSettings,
  options: { signal?: AbortSignal; onProgress?: Progress }
): Promise<TrainingInputs> {
  if (settings.model === 'pretrained') return featureInputs(items, options)
  const store = await CropStore.load(items, settings.input, {
    signal: options.signal,
    onProgress: (done, total) => options.onProgress?.(done, total, 'cropping')
  })
  return {
    has: (i) => store.has(i),
    batch: (indices, random) => inputBatch(store, indices, random),
    embed: (model, indices, signal) => embedCrops(model, store, indices, { signal }),
    featureDim: null,
    finish: (model) => model
  }
}

/** Relative noise added to features in training: the only augmentation a frozen backbone allows. */
const FEATURE_NOISE = 0.05

async function featureInputs(
  items: TrainingItem[],
  options: { signal?: AbortSignal; onProgress?: Progress }
): Promise<TrainingInputs> {
  const store = await CropStore.load(
    items,
    { width: INPUT_SIZE, height: INPUT_SIZE, channels: 3 },
    {
      signal: options.signal,
      onProgress: (done, total) => options.onProgress?.(done, total, 'cropping')
    }
  )
  const usable = items.flatMap((_, i) => (store.has(i) ? [i] : []))
  const extracted = await extractFeatures(
    usable.map((i) => store.pixels(i)),
    {
      signal: options.signal,
      onProgress: (done, total) => options.onProgress?.(done, total, 'backbone features')
    }
  )
  const dim = extracted[0]?.length ?? 0
  const features = new Map(usable.map((item, row) => [item, extracted[row] as Float32Array]))
  const matrix = (indices: number[]) => {
    const data = new Float32Array(indices.length * dim)
    indices.forEach((index, row) => data.set(features.get(index) as Float32Array, row * dim))
    return tf.tensor2d(data, [indices.length, dim])
  }
  return {
    has: (i) => features.has(i),
    batch: (indices, random) =>
      tf.tidy(() => {
        const x = matrix(indices)
        const scale = tf.mul(tf.mean(tf.abs(x), 1, true), FEATURE_NOISE)
        const noise = tf.randomNormal(x.shape, 0, 1, 'float32', Math.floor(random() * 2 ** 31))
        return tf.add(x, tf.mul(noise, scale))
      }),
    embed: (model, indices) =>
      projectFeatures(
        model,
        indices.map((index) => features.get(index) as Float32Array)
      ),
    featureDim: dim,
    finish: (head) => head
  }
}

export const BACKBONE_SETTINGS = {
  layer: BACKBONE_LAYER,
  pooling: BACKBONE_POOLING,
  normalisation: DEFAULT_NORMALISATION
}
