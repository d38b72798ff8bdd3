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
import type { FeatureCache } from '../pretrained/feature-cache'
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
  options: { signal?: AbortSignal; onProgress?: Progress; featureCache?: FeatureCache }
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

/**
 * Noise added to the standardised features in training (in standard deviations): the only
 * augmentation a frozen backbone allows.
 */
const FEATURE_NOISE = 0.05

async function featureInputs(
  items: TrainingItem[],
  options: { signal?: AbortSignal; onProgress?: Progress; featureCache?: FeatureCache }
): Promise<TrainingInputs> {
  const cache = options.featureCache
  const raw = new Map<number, Float32Array>()
  items.forEach((item, i) => {
    const cached = item.cacheKey ? cache?.get(item.cacheKey) : undefined
    if (cached) raw.set(i, cached)
  })
  // Only crops the cache does not hold are cut and run through the backbone.
  const missing = items.flatMap((_, i) => (raw.has(i) ? [] : [i]))
  const store = await CropStore.load(
    missing.map((i) => items[i] as TrainingItem),
    { width: INPUT_SIZE, height: INPUT_SIZE, channels: 3 },
    {
      signal: options.signal,
      onProgress: (done, total) => options.onProgress?.(done, total, 'cropping')
    }
  )
  const usable = missing.flatMap((item, local) => (store.has(local) ? [{ item, local }] : []))
  const extracted = usable.length
    ? await extractFeatures(
        usable.map(({ local }) => store.pixels(local)),
        {
          signal: options.signal,
          onProgress: (done, total) => options.onProgress?.(done, total, 'backbone features')
        }
      )
    : []
  usable.forEach(({ item }, row) => {
    const features = extracted[row] as Float32Array
    raw.set(item, features)
    const key = items[item]?.cacheKey
    if (key) cache?.set(key, features)
  })
  await cache?.save(items.flatMap((item) => (item.cacheKey ? [item.cacheKey] : [])))
  return headInputs(new Map([...raw].sort(([a], [b]) => a - b)))
}

/**
 * The head's inputs from backbone features already extracted, keyed by item index. The head
 * trains on standardised features (per dimension: minus the mean, over the standard deviation,
 * of every usable photo, labels unused); `finish` folds that into the saved head, so the model
 * still reads raw backbone features.
 *
 * Why: these features share a large common component (mean pairwise cosine about 0.7). A head
 * trained on them raw can grow that component and map every photo to nearly the same point,
 * which is what batch-hard mining did within a minute (loss stuck at ln 2, spread 0.99). On
 * zero-mean inputs a linear head's outputs stay zero-mean, which rules that collapse out, and
 * the standardised features alone already identify unseen whales better.
 */
export function headInputs(raw: Map<number, Float32Array>): TrainingInputs {
  const dim = raw.values().next().value?.length ?? 0
  const { mean, scale } = standardisation([...raw.values()], dim)
  const features = new Map(
    [...raw].map(([index, f]) => [index, f.map((x, j) => (x - (mean[j] ?? 0)) * (scale[j] ?? 1))])
  )
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
        const noise = tf.randomNormal(
          x.shape,
          0,
          FEATURE_NOISE,
          'float32',
          Math.floor(random() * 2 ** 31)
        )
        return tf.add(x, noise)
      }),
    embed: (model, indices) =>
      projectFeatures(
        model,
        indices.map((index) => features.get(index) as Float32Array)
      ),
    featureDim: dim,
    finish: (head) => foldStandardisation(head, mean, scale)
  }
}

/** Per-dimension mean and 1 / standard deviation (1 where a dimension is constant). */
function standardisation(
  rows: Float32Array[],
  dim: number
): { mean: Float32Array; scale: Float32Array } {
  const mean = new Float32Array(dim)
  const variance = new Float32Array(dim)
  for (const row of rows) row.forEach((x, j) => (mean[j] = (mean[j] ?? 0) + x / rows.length))
  for (const row of rows)
    row.forEach(
      (x, j) => (variance[j] = (variance[j] ?? 0) + (x - (mean[j] ?? 0)) ** 2 / rows.length)
    )
  const scale = variance.map((v) => (v > 1e-12 ? 1 / Math.sqrt(v) : 1))
  return { mean, scale }
}

/**
 * The trained head with the standardisation folded into its first dense layer:
 * W' = diag(scale) W and b' = b - (mean * scale) W. The other layers are copied, so the
 * result owns all its weights and the trained head can be disposed.
 */
export function foldStandardisation(
  head: tf.LayersModel,
  mean: Float32Array,
  scale: Float32Array
): tf.LayersModel {
  const [, first, ...rest] = head.layers
  if (!(first instanceof tf.layers.Layer) || first.getClassName() !== 'Dense')
    throw new Error('the pretrained head must start with a dense layer')
  const [kernel, bias] = first.getWeights() as [tf.Tensor2D, tf.Tensor1D | undefined]
  const input = tf.input({ shape: [mean.length] })
  const dense = tf.layers.dense({ units: kernel.shape[1], useBias: true })
  let x = dense.apply(input) as tf.SymbolicTensor
  tf.tidy(() => {
    const s = tf.tensor1d(scale)
    const w = tf.mul(kernel, tf.expandDims(s, 1))
    const shift = tf.matMul(tf.tensor2d(mean, [1, mean.length]), w)
    const b = tf.sub(bias ?? tf.zeros([kernel.shape[1]]), tf.squeeze(shift, [0]))
    dense.setWeights([w, b])
  })
  for (const layer of rest) {
    const [cls, fromConfig] = tf.serialization.SerializationMap.getMap().classNameMap[
      layer.getClassName()
    ] ?? [null, null]
    if (!cls || !fromConfig) throw new Error(`cannot copy a ${layer.getClassName()} layer`)
    const config = { ...layer.getConfig() }
    delete config.name
    const copy = fromConfig(cls, config) as tf.layers.Layer
    x = copy.apply(x) as tf.SymbolicTensor
    copy.setWeights(layer.getWeights())
  }
  return tf.model({ inputs: input, outputs: x })
}

export const BACKBONE_SETTINGS = {
  layer: BACKBONE_LAYER,
  pooling: BACKBONE_POOLING,
  normalisation: DEFAULT_NORMALISATION
}
