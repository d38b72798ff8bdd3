// A saved model ready to embed crops, whatever its kind: the branch CNN embeds pixels
// directly; the pretrained model runs the shared backbone, pools, then its trained head.
import * as tf from '@tensorflow/tfjs'
import { embedCrops } from '../data/batches'
import type { CropStore } from '../data/crop-store'
import type { CropSpec } from '../preprocess/crop'
import { extractFeatures, INPUT_SIZE, type Normalisation, type Pooling } from '../pretrained'
import { initBackend } from '../backend'
import { loadModel } from '../store/model-files'
import type { ModelRecord } from '../store/model-record'

export interface Embedder {
  record: ModelRecord
  /** The crop the model reads. */
  spec: CropSpec
  embed(store: CropStore, indices: number[], signal?: AbortSignal): Promise<Float32Array[]>
  dispose(): void
}

export async function loadEmbedder(dir: string): Promise<Embedder> {
  // A fresh process may load a model before anything else started the engine (retraining
  // right after the app opened a catalogue that has a model): the backend comes first.
  await initBackend()
  const { model, record } = await loadModel(dir)
  return embedderFor(model, record)
}

export function embedderFor(model: tf.LayersModel, record: ModelRecord): Embedder {
  if (record.kind === 'branch') {
    return {
      record,
      spec: record.input,
      embed: (store, indices, signal) => embedCrops(model, store, indices, { signal }),
      dispose: () => model.dispose()
    }
  }
  const backbone = record.architecture as {
    layer: string
    pooling: Pooling
    normalisation: Normalisation
  }
  return {
    record,
    spec: { width: INPUT_SIZE, height: INPUT_SIZE, channels: 3 },
    embed: async (store, indices, signal) => {
      const features = await extractFeatures(
        indices.map((i) => store.pixels(i)),
        {
          layer: backbone.layer,
          pooling: backbone.pooling,
          normalisation: backbone.normalisation,
          signal
        }
      )
      return projectFeatures(model, features)
    },
    dispose: () => model.dispose()
  }
}

export async function projectFeatures(
  head: tf.LayersModel,
  features: Float32Array[]
): Promise<Float32Array[]> {
  if (features.length === 0) return []
  const dim = features[0]?.length ?? 0
  const flat = new Float32Array(features.length * dim)
  features.forEach((f, i) => flat.set(f, i * dim))
  // The head ends in an L2Normalize layer: its output is already unit length.
  const out = tf.tidy(() => head.predict(tf.tensor2d(flat, [features.length, dim])) as tf.Tensor2D)
  const data = (await out.data()) as Float32Array
  const d = out.shape[1] ?? 0
  out.dispose()
  return features.map((_, row) => data.slice(row * d, (row + 1) * d))
}
