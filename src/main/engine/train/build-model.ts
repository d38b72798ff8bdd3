import * as tf from '@tensorflow/tfjs'
import { buildBranchModel, L2Normalize } from '../model'
import { BACKBONE_SETTINGS } from './inputs'
import type { TrainSettings } from './settings'

/** The network a run trains: the whole branch CNN, or the head over frozen backbone features. */
export function buildModelFor(settings: TrainSettings, featureDim: number | null): tf.LayersModel {
  if (settings.model === 'pretrained') {
    if (!featureDim) throw new Error('the pretrained head needs the backbone feature size')
    return buildHead(featureDim)
  }
  const model = buildBranchModel({
    inputHeight: settings.input.height,
    inputWidth: settings.input.width,
    channels: settings.input.channels,
    width: settings.width,
    blocks: settings.blocks,
    subBlocks: settings.subBlocks,
    embedding: settings.embedding
  })
  seedKernels(model, settings.seed)
  return model
}

/**
 * Draws every conv and dense kernel again (He normal) from the run's seed: tf.layers seeds
 * its initialisers at random, and an untrained net's score varies a lot with its draw, so
 * "the same seed gives the same run" needs this.
 */
function seedKernels(model: tf.LayersModel, seed: number): void {
  model.weights.forEach((weight, i) => {
    const shape = weight.shape.map((n) => n ?? 1)
    if (shape.length < 2) return
    const fanIn = shape.slice(0, -1).reduce((a, b) => a * b, 1)
    const values = tf.randomNormal(shape, 0, Math.sqrt(2 / fanIn), 'float32', seed * 1000 + i)
    weight.write(values)
    values.dispose()
  })
}

/**
 * A square linear map over the backbone's features, starting as the identity: the untrained
 * model is the backbone itself (which already beats raw pixels by a wide margin), and training
 * only keeps what improves the validation whales. A random projection of these all-positive
 * features instead collapsed under triplet training.
 */
function buildHead(featureDim: number): tf.LayersModel {
  const input = tf.input({ shape: [featureDim] })
  const projected = tf.layers
    .dense({ units: featureDim, useBias: false, kernelInitializer: 'identity' })
    .apply(input) as tf.SymbolicTensor
  const output = new L2Normalize({}).apply(projected) as tf.SymbolicTensor
  return tf.model({ inputs: input, outputs: output })
}

export function architectureOf(settings: TrainSettings): Record<string, unknown> {
  if (settings.model === 'pretrained') {
    return {
      kind: 'pretrained',
      backbone: 'MobileNetV2 (nsfwjs)',
      ...BACKBONE_SETTINGS,
      embedding: settings.embedding
    }
  }
  return {
    kind: settings.model,
    width: settings.width,
    blocks: settings.blocks,
    subBlocks: settings.subBlocks,
    embedding: settings.embedding
  }
}
