// The frozen ImageNet MobileNetV2 cut at an intermediate layer: the feature extractor.
import * as tf from '@tensorflow/tfjs'
import { readBundledArtifacts } from './bundled-weights'
import type { Pooling } from './pooling'

export const INPUT_SIZE = 224

/**
 * Where to cut, and how to pool: measured by bench/pretrained-layers.ts (leave-one-out MAP@5,
 * see STUDY.md beside this file). Blocks 5-10 beat both the early blocks and the last ones,
 * which nsfwjs appears to have fine-tuned for its own task (out_relu scores below raw pixels on
 * whales); among
 * them block 10 is as good as any on whales, clearly better on Omniglot, and only 96 channels.
 * A 3x3 grid of means (864 values) beats every global pooling by about 0.1 MAP@5 on whales.
 */
export const BACKBONE_LAYER = 'block_10_project_BN'
export const BACKBONE_POOLING: Pooling = 'grid3'

export interface Backbone {
  model: tf.LayersModel
  inputSize: typeof INPUT_SIZE
  /** Channels of the cut layer; a pooled vector is pooledLength(featureDim, pooling) long. */
  featureDim: number
}

let full: Promise<tf.LayersModel> | undefined
const cuts = new Map<string, Promise<Backbone>>()

/** The whole nsfwjs network, loaded once per process from the package's own bundle. */
export function loadMobileNetV2(): Promise<tf.LayersModel> {
  full ??= readBundledArtifacts()
    .then((artifacts) => tf.loadLayersModel(tf.io.fromMemory(artifacts)))
    .catch((error: unknown) => {
      full = undefined
      throw error
    })
  return full
}

/** The backbone truncated at `layer` (a Keras layer name), cached per layer. */
export function loadBackbone(layer: string = BACKBONE_LAYER): Promise<Backbone> {
  let cut = cuts.get(layer)
  if (!cut) {
    cut = loadMobileNetV2().then((model) => {
      const [features] = truncate(model, [layer])
      if (!features) throw new Error(`no layer ${layer}`)
      return { model: features.model, inputSize: INPUT_SIZE, featureDim: features.dim }
    })
    cut.catch(() => cuts.delete(layer))
    cuts.set(layer, cut)
  }
  return cut
}

/** A separate model per layer: each runs only the blocks its layer needs. */
export function truncate(
  model: tf.LayersModel,
  layers: string[]
): { layer: string; dim: number; model: tf.LayersModel }[] {
  return layers.map((layer) => {
    const output = outputOf(model, layer)
    const dim = output.shape[output.shape.length - 1] ?? 0
    return { layer, dim, model: tf.model({ inputs: model.inputs, outputs: output }) }
  })
}

/** One model with an output per layer, so a study compares layers in a single pass. */
export function multiOutput(model: tf.LayersModel, layers: string[]): tf.LayersModel {
  return tf.model({ inputs: model.inputs, outputs: layers.map((l) => outputOf(model, l)) })
}

function outputOf(model: tf.LayersModel, layer: string): tf.SymbolicTensor {
  const names = model.layers.map((l) => l.name)
  if (!names.includes(layer)) {
    throw new Error(
      `MobileNetV2 has no layer ${layer}; try one of ${names.slice(1, 6).join(', ')}...`
    )
  }
  const output = model.getLayer(layer).output
  if (Array.isArray(output)) throw new Error(`layer ${layer} has several outputs`)
  if (output.shape.length !== 4) throw new Error(`layer ${layer} is not a feature map`)
  return output
}
