import type { KernelConfig, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs'
import { WASM, withScratch, type Scratch } from './scratch'

/**
 * BatchNorm in training, as a few streaming XNNPACK passes. tfjs-layers builds it from moments,
 * FusedBatchNorm (a 7 ns/element scalar loop in wasm), Tile and a dozen broadcasting ops (1 ns
 * per element against 0.3 for same-shape ones) whose gradients each walk the whole activation,
 * and wasm reductions over [B, H, W] transpose it first: a third of a training step. Loops in
 * JavaScript were no answer either (5-10 ns per element). Here per-channel sums are average
 * pools, per-channel affine maps are 1x1 depthwise convolutions with bias and fused ReLU, and
 * the per-channel arithmetic runs in JavaScript on C-long vectors in float64.
 */
export const BN_STATS = 'FlukeprintBatchNormStats'
export const BN_APPLY = 'FlukeprintBatchNormApply'
export const BN_GRAD = 'FlukeprintBatchNormGrad'

type Inputs = Record<string, TensorInfo>

/** Views x as [rows, 1, cols, C] so 1x1 depthwise convolutions and [1, cols] pools apply. */
function asImage(s: Scratch, x: TensorInfo): { x4: TensorInfo; rows: number; channels: number } {
  const channels = x.shape[x.shape.length - 1] ?? 1
  const rows = x.shape.length > 1 ? (x.shape[0] ?? 1) : 1
  const size = x.shape.reduce((a, b) => a * b, 1)
  const x4 = s.reshape(x, [rows, 1, size / rows / channels, channels])
  return { x4, rows, channels }
}

/** Per-channel means of a [rows, 1, cols, C] tensor, accumulated over rows in float64. */
function channelMeans(s: Scratch, x4: TensorInfo): Float64Array {
  const [rows = 1, , cols = 1, channels = 1] = x4.shape
  const pooled = s.run('AvgPool', { x: x4 }, { filterSize: [1, cols], strides: 1, pad: 'valid' })
  const values = s.read(pooled)
  const means = new Float64Array(channels)
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < channels; c++) means[c] = (means[c] ?? 0) + (values[r * channels + c] ?? 0)
  }
  return means.map((m) => m / rows)
}

/** y = x * scale + shift per channel, then ReLU when asked: one XNNPACK pass. */
function affine(
  s: Scratch,
  x4: TensorInfo,
  scale: ArrayLike<number>,
  shift: ArrayLike<number>,
  relu = false
): TensorInfo {
  const c = scale.length
  const filter = s.vector(scale, [1, 1, c, 1])
  const bias = s.vector(shift)
  const activation = relu ? 'relu' : 'linear'
  const attrs = { strides: 1, pad: 'valid', dilations: 1, dataFormat: 'NHWC', activation }
  return s.run('FusedDepthwiseConv2D', { x: x4, filter, bias }, attrs)
}

/** x -> [mean, biased variance, 1 / sqrt(variance + epsilon)], each [C]; two passes for accuracy. */
const stats: KernelFunc = ({ inputs, attrs, backend }) =>
  withScratch(backend, (s) => {
    const x = (inputs as Inputs)['x'] as TensorInfo
    const epsilon = (attrs as NamedAttrMap)['epsilon'] as number
    const { x4, channels } = asImage(s, x)
    const mean = channelMeans(s, x4)
    const centred = affine(
      s,
      x4,
      new Float64Array(channels).fill(1),
      mean.map((m) => -m)
    )
    const variance = channelMeans(s, s.run('Square', { x: centred }))
    const invStd = variance.map((v) => 1 / Math.sqrt(v + epsilon))
    return [s.vector(mean), s.vector(variance), s.vector(invStd)]
  })

function readVectors(s: Scratch, inputs: Inputs, names: string[]): Float64Array[] {
  return names.map((n) => Float64Array.from(s.read(inputs[n] as TensorInfo)))
}

function scaleShift(v: Float64Array[]): { scale: Float64Array; shift: Float64Array } {
  const [mean, invStd, gamma, beta] = v as [Float64Array, Float64Array, Float64Array, Float64Array]
  const scale = gamma.map((g, c) => g * (invStd[c] ?? 0))
  const shift = beta.map((b, c) => b - (mean[c] ?? 0) * (scale[c] ?? 0))
  return { scale, shift }
}

/** y = gamma * (x - mean) * invStd + beta, then ReLU when asked. */
const apply: KernelFunc = ({ inputs, attrs, backend }) =>
  withScratch(backend, (s) => {
    const x = (inputs as Inputs)['x'] as TensorInfo
    const relu = (attrs as NamedAttrMap)['relu'] === true
    const v = readVectors(s, inputs as Inputs, ['mean', 'invStd', 'gamma', 'beta'])
    const { scale, shift } = scaleShift(v)
    return s.reshape(affine(s, asImage(s, x).x4, scale, shift, relu), x.shape)
  })

/**
 * [dx, dGamma, dBeta]. With ReLU, dy is first masked where the output was not positive (the
 * pre-activation is recomputed from x rather than kept). With g the masked dy and xhat the
 * normalised x: dx = gamma * invStd * (g - mean(g) - xhat * mean(g * xhat)) = k1*g + k2*x + k3.
 */
const grad: KernelFunc = ({ inputs, attrs, backend }) =>
  withScratch(backend, (s) => {
    const { dy, x } = inputs as { dy: TensorInfo; x: TensorInfo }
    const relu = (attrs as NamedAttrMap)['relu'] === true
    const v = readVectors(s, inputs as Inputs, ['mean', 'invStd', 'gamma', 'beta'])
    const [mean, invStd, gamma] = v as [Float64Array, Float64Array, Float64Array]
    const { x4, channels } = asImage(s, x)
    const dy4 = s.reshape(dy, x4.shape)
    let g = dy4
    if (relu) {
      const { scale, shift } = scaleShift(v)
      const mask = s.run('Step', { x: affine(s, x4, scale, shift) }, { alpha: 0 })
      g = s.run('Multiply', { a: dy4, b: mask })
    }
    const n = x.shape.reduce((a, b) => a * b, 1) / channels
    const meanG = channelMeans(s, g)
    const meanGX = channelMeans(s, s.run('Multiply', { a: g, b: x4 }))
    const dGamma = new Float64Array(channels)
    const dBeta = new Float64Array(channels)
    const k1 = new Float64Array(channels)
    const k2 = new Float64Array(channels)
    const k3 = new Float64Array(channels)
    for (let c = 0; c < channels; c++) {
      const inv = invStd[c] ?? 0
      const m = mean[c] ?? 0
      const dG = n * inv * ((meanGX[c] ?? 0) - m * (meanG[c] ?? 0))
      dGamma[c] = dG
      dBeta[c] = n * (meanG[c] ?? 0)
      k1[c] = (gamma[c] ?? 0) * inv
      k2[c] = (-(k1[c] ?? 0) * inv * dG) / n
      k3[c] = -(k1[c] ?? 0) * (meanG[c] ?? 0) - (k2[c] ?? 0) * m
    }
    const dx = s.run('Add', {
      a: affine(s, g, k1, new Float64Array(channels)),
      b: affine(s, x4, k2, k3)
    })
    return [s.reshape(dx, x.shape), s.vector(dGamma), s.vector(dBeta)]
  })

export const batchNormConfigs: KernelConfig[] = [
  { kernelName: BN_STATS, backendName: WASM, kernelFunc: stats },
  { kernelName: BN_APPLY, backendName: WASM, kernelFunc: apply },
  { kernelName: BN_GRAD, backendName: WASM, kernelFunc: grad }
]
