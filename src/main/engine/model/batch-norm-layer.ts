import * as tf from '@tensorflow/tfjs'
import { batchNormTrain } from '../backend/ops/batch-norm-train'

export type BatchNormArgs = {
  name?: string
  /** 'relu' folds the ReLU that usually follows into the same fused pass. */
  activation?: 'linear' | 'relu'
  momentum?: number
  epsilon?: number
  /** 'zeros' starts a residual branch as the identity, which steadies early training. */
  gammaInitializer?: 'ones' | 'zeros'
}

/**
 * BatchNorm over the last axis (optionally with ReLU) whose training pass uses Flukeprint's fused
 * kernels: tfjs-layers' BatchNormalization spends a third of a wasm training step in dozens of
 * broadcasting ops. Moving averages follow tfjs-layers (batch variance, momentum 0.99).
 */
export class FlukeprintBatchNorm extends tf.layers.Layer {
  static readonly className = 'FlukeprintBatchNorm'
  private readonly activation: 'linear' | 'relu'
  private readonly momentum: number
  private readonly epsilon: number
  private readonly gammaInitializer: 'ones' | 'zeros'
  private gamma?: tf.LayerVariable
  private beta?: tf.LayerVariable
  private movingMean?: tf.LayerVariable
  private movingVariance?: tf.LayerVariable

  constructor(args: BatchNormArgs = {}) {
    super(args.name ? { name: args.name } : {})
    this.activation = args.activation ?? 'linear'
    this.momentum = args.momentum ?? 0.99
    this.epsilon = args.epsilon ?? 1e-3
    this.gammaInitializer = args.gammaInitializer ?? 'ones'
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape
    const channels = shape[shape.length - 1]
    if (typeof channels !== 'number') throw new Error('BatchNorm needs a known channel count')
    const ones = tf.initializers.ones()
    const zeros = tf.initializers.zeros()
    const gammaInit = this.gammaInitializer === 'zeros' ? zeros : ones
    this.gamma = this.addWeight('gamma', [channels], 'float32', gammaInit)
    this.beta = this.addWeight('beta', [channels], 'float32', zeros)
    this.movingMean = this.addWeight('moving_mean', [channels], 'float32', zeros, undefined, false)
    this.movingVariance = this.addWeight(
      'moving_variance',
      [channels],
      'float32',
      ones,
      undefined,
      false
    )
    this.built = true
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: Record<string, unknown>): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs
    const { gamma, beta, movingMean, movingVariance } = this
    if (!x || !gamma || !beta || !movingMean || !movingVariance) {
      throw new Error('FlukeprintBatchNorm called before build')
    }
    const relu = this.activation === 'relu'
    return tf.tidy(() => {
      if (kwargs['training'] !== true) {
        return inference(
          x,
          movingMean.read(),
          movingVariance.read(),
          gamma.read(),
          beta.read(),
          this.epsilon,
          relu
        )
      }
      const out = batchNormTrain(
        x,
        gamma.read() as tf.Tensor1D,
        beta.read() as tf.Tensor1D,
        this.epsilon,
        relu
      )
      const m = this.momentum
      movingMean.write(tf.add(tf.mul(movingMean.read(), m), tf.mul(out.mean, 1 - m)))
      movingVariance.write(tf.add(tf.mul(movingVariance.read(), m), tf.mul(out.variance, 1 - m)))
      return out.y
    })
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape
  }

  override getConfig(): tf.serialization.ConfigDict {
    return {
      ...super.getConfig(),
      activation: this.activation,
      momentum: this.momentum,
      epsilon: this.epsilon,
      gammaInitializer: this.gammaInitializer
    }
  }
}

// Registered on import so tf.loadLayersModel can rebuild saved models.
tf.serialization.registerClass(FlukeprintBatchNorm)

/**
 * y = x * scale + shift per channel, as one 1x1 depthwise convolution with bias and fused ReLU on
 * images: tf.batchNorm is a 7 ns per element scalar loop on wasm, this an XNNPACK pass (0.5 ns).
 */
function inference(
  x: tf.Tensor,
  mean: tf.Tensor,
  variance: tf.Tensor,
  gamma: tf.Tensor,
  beta: tf.Tensor,
  epsilon: number,
  relu: boolean
): tf.Tensor {
  const scale = tf.mul<tf.Tensor1D>(gamma, tf.rsqrt(tf.add(variance, epsilon)))
  const shift = tf.sub<tf.Tensor1D>(beta, tf.mul(mean, scale))
  if (x.rank === 4) {
    const filter = tf.reshape<tf.Rank.R4>(scale, [1, 1, scale.size, 1])
    const activation = relu ? 'relu' : 'linear'
    return tf.fused.depthwiseConv2d({
      x: x as tf.Tensor4D,
      filter,
      strides: 1,
      pad: 'valid',
      bias: shift,
      activation
    })
  }
  const y = tf.add(tf.mul(x, scale), shift)
  return relu ? tf.relu(y) : y
}
