import * as tf from '@tensorflow/tfjs'
import { FlukeprintBatchNorm } from './batch-norm-layer'
import { FlukeprintConv2D } from './conv-layer'
import { L2Normalize } from './l2-normalize-layer'

export type BranchConfig = {
  inputHeight: number
  inputWidth: number
  channels: 1 | 3
  /** Base filter count: 16 on a CPU, 64 on a GPU (the notebook's). */
  width: number
  /** Bottleneck blocks after the two plain ones: 3 on a CPU, 4 on a GPU (the notebook's). */
  blocks: number
  /** Bottleneck sub-blocks per block; the notebook used 4. */
  subBlocks: number
  /** Length of the unit-length embedding. */
  embedding: number
}

/** Small enough for a wasm training step of 32 crops in well under a second. */
export const CPU_BRANCH: BranchConfig = {
  inputHeight: 96,
  inputWidth: 96,
  channels: 1,
  width: 16,
  blocks: 3,
  subBlocks: 2,
  embedding: 128
}

/** The notebook's network at full size, for tfjs-node-gpu. */
export const GPU_BRANCH: BranchConfig = {
  inputHeight: 384,
  inputWidth: 384,
  channels: 1,
  width: 64,
  blocks: 4,
  subBlocks: 4,
  embedding: 256
}

type T = tf.SymbolicTensor

function conv(x: T, filters: number, kernelSize: number, strides = 1): T {
  return new FlukeprintConv2D({ filters, kernelSize, strides }).apply(x) as T
}

function bn(x: T, activation: 'linear' | 'relu', gamma: 'ones' | 'zeros' = 'ones'): T {
  return new FlukeprintBatchNorm({ activation, gammaInitializer: gamma }).apply(x) as T
}

function convBnRelu(x: T, filters: number, kernelSize: number, strides = 1): T {
  return bn(conv(x, filters, kernelSize, strides), 'relu')
}

function maxPool(x: T): T {
  return tf.layers.maxPooling2d({ poolSize: 2, strides: 2, padding: 'same' }).apply(x) as T
}

/** ResNet bottleneck: 1x1 down to `inner` features, 3x3, 1x1 back up, added to the input. */
function subBlock(x: T, inner: number): T {
  const features = x.shape[x.shape.length - 1] as number
  let y = convBnRelu(x, inner, 1)
  y = convBnRelu(y, inner, 3)
  y = bn(conv(y, features, 1), 'linear', 'zeros')
  const sum = tf.layers.add().apply([x, y]) as T
  return tf.layers.reLU().apply(sum) as T
}

/**
 * The notebook's branch model (method.md), sized by `config`: a strided convolution and a 2x2
 * max pool, two 3x3 convolutions, then `blocks` blocks that each pool, raise the features with
 * a 1x1 convolution (2, 4, 6, 8... times `width`) and run `subBlocks` bottlenecks; global max
 * pooling, a dense layer to the embedding, a BatchNorm neck and L2 normalisation.
 * Convolutions are followed by BatchNorm and ReLU (the notebook put BatchNorm before them).
 */
export function buildBranchModel(config: BranchConfig): tf.LayersModel {
  validate(config)
  const { width } = config
  const input = tf.input({ shape: [config.inputHeight, config.inputWidth, config.channels] })
  let x = convBnRelu(input, width, config.inputHeight >= 256 ? 7 : 5, 2)
  x = maxPool(x)
  x = convBnRelu(x, width, 3)
  x = convBnRelu(x, width, 3)
  for (let block = 0; block < config.blocks; block++) {
    const features = 2 * width * (block + 1)
    x = maxPool(x)
    x = convBnRelu(x, features, 1)
    for (let s = 0; s < config.subBlocks; s++) x = subBlock(x, Math.max(width, features / 4))
  }
  x = globalMaxPool(x)
  x = tf.layers.dense({ units: config.embedding, useBias: false }).apply(x) as T
  x = bn(x, 'linear')
  const output = new L2Normalize({ name: 'embedding' }).apply(x) as T
  return tf.model({ inputs: input, outputs: output, name: 'flukeprint_branch' })
}

/**
 * Global max pooling as one pool over the whole (known) feature map: the gradient of
 * tf.layers.globalMaxPooling2d compares every value to its broadcast maximum, a 5 ms scalar loop
 * on wasm for a 3x3x96 map of 32 crops; MaxPoolGrad is a fraction of that.
 */
function globalMaxPool(x: T): T {
  const [, h, w] = x.shape as number[]
  const pooled = tf.layers.maxPooling2d({ poolSize: [h ?? 1, w ?? 1], padding: 'valid' }).apply(x)
  return tf.layers.flatten().apply(pooled) as T
}

function validate(config: BranchConfig): void {
  const whole = (n: number) => Number.isInteger(n) && n > 0
  const { inputHeight, inputWidth, width, blocks, subBlocks, embedding } = config
  if (![inputHeight, inputWidth, width, embedding].every(whole) || blocks < 0 || subBlocks < 0) {
    throw new Error(`Invalid branch model config: ${JSON.stringify(config)}`)
  }
  // The stem and first pool halve twice, every block halves once more.
  const shrink = 2 ** (2 + blocks)
  if (Math.min(inputHeight, inputWidth) < shrink) {
    throw new Error(
      `A ${inputHeight}x${inputWidth} input is too small for ${blocks} blocks: it needs at least ${shrink} pixels a side`
    )
  }
}

export type ParamCount = { trainable: number; nonTrainable: number; total: number }

export function countParams(model: tf.LayersModel): ParamCount {
  const size = (ws: tf.LayerVariable[]) =>
    ws.reduce((n, w) => n + w.shape.reduce<number>((a, b) => a * (b ?? 1), 1), 0)
  const trainable = size(model.trainableWeights)
  const nonTrainable = size(model.nonTrainableWeights)
  return { trainable, nonTrainable, total: trainable + nonTrainable }
}
