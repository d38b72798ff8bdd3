import * as tf from '@tensorflow/tfjs'
import { BN_APPLY, BN_GRAD, BN_STATS } from '../kernels/batch-norm'

export type BatchNormTrainResult = {
  /** Normalised (and ReLU'd when asked) output; differentiable in x, gamma and beta. */
  y: tf.Tensor
  /** Batch statistics over every axis but the last, for the moving averages; constants. */
  mean: tf.Tensor1D
  variance: tf.Tensor1D
}

function fused(name: string): boolean {
  return tf.getKernel(name, tf.getBackend()) !== undefined
}

function reductionAxes(x: tf.Tensor): number[] {
  return x.shape.slice(0, -1).map((_, i) => i)
}

/**
 * Training-mode BatchNorm over the last axis, optionally followed by ReLU, with its gradient
 * written out in full (through the batch mean and variance too). Uses Flukeprint's fused wasm
 * kernels where they are registered and plain tf ops on any other backend.
 */
export function batchNormTrain(
  x: tf.Tensor,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  epsilon: number,
  relu: boolean
): BatchNormTrainResult {
  const [mean, variance, invStd] = statistics(x, epsilon)
  const attrs = { relu } as unknown as tf.NamedAttrMap
  const op = tf.customGrad((xIn, gIn, bIn, save) => {
    const [xt, g, b] = [xIn, gIn, bIn] as [tf.Tensor, tf.Tensor1D, tf.Tensor1D]
    ;(save as unknown as (tensors: tf.Tensor[]) => void)([xt, g, b, mean, invStd])
    const value = fused(BN_APPLY)
      ? tf
          .engine()
          .runKernel<tf.Tensor>(BN_APPLY, { x: xt, mean, invStd, gamma: g, beta: b }, attrs)
      : composite(xt, mean, invStd, g, b, relu)
    const gradFunc = (dy: tf.Tensor, saved: tf.Tensor[]) => {
      const [sx, sg, sb, sm, si] = saved as [
        tf.Tensor,
        tf.Tensor1D,
        tf.Tensor1D,
        tf.Tensor1D,
        tf.Tensor1D
      ]
      const inputs = { dy, x: sx, mean: sm, invStd: si, gamma: sg, beta: sb }
      return fused(BN_GRAD)
        ? tf.engine().runKernel<tf.Tensor[]>(BN_GRAD, inputs, attrs)
        : compositeGrad(dy, sx, sm, si, sg, sb, relu)
    }
    return { value, gradFunc }
  })
  return { y: op(x, gamma, beta), mean, variance }
}

function statistics(x: tf.Tensor, epsilon: number): [tf.Tensor1D, tf.Tensor1D, tf.Tensor1D] {
  if (fused(BN_STATS)) {
    const [mean, variance, invStd] = tf
      .engine()
      .runKernel<tf.Tensor1D[]>(BN_STATS, { x }, { epsilon })
    return [mean, variance, invStd] as [tf.Tensor1D, tf.Tensor1D, tf.Tensor1D]
  }
  return tf.tidy(() => {
    const { mean, variance } = tf.moments(x, reductionAxes(x))
    return [mean, variance, tf.rsqrt(tf.add(variance, epsilon))] as [
      tf.Tensor1D,
      tf.Tensor1D,
      tf.Tensor1D
    ]
  })
}

function composite(
  x: tf.Tensor,
  mean: tf.Tensor1D,
  invStd: tf.Tensor1D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  relu: boolean
): tf.Tensor {
  const scale = tf.mul(gamma, invStd)
  const y = tf.add(tf.mul(x, scale), tf.sub(beta, tf.mul(mean, scale)))
  return relu ? tf.relu(y) : y
}

function compositeGrad(
  dy: tf.Tensor,
  x: tf.Tensor,
  mean: tf.Tensor1D,
  invStd: tf.Tensor1D,
  gamma: tf.Tensor1D,
  beta: tf.Tensor1D,
  relu: boolean
): tf.Tensor[] {
  const axes = reductionAxes(x)
  const n = x.size / (x.shape[x.shape.length - 1] ?? 1)
  const g = relu ? tf.mul(dy, tf.step(composite(x, mean, invStd, gamma, beta, false))) : dy
  const xHat = tf.mul(tf.sub(x, mean), invStd)
  const dBeta = tf.sum(g, axes)
  const dGamma = tf.sum(tf.mul(g, xHat), axes)
  const centred = tf.sub(tf.sub(g, tf.div(dBeta, n)), tf.mul(xHat, tf.div(dGamma, n)))
  return [tf.mul(centred, tf.mul(gamma, invStd)), dGamma, dBeta]
}
