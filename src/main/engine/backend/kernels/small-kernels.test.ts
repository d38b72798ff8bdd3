import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend } from '../init-backend'
import { batchNormTrain } from '../ops/batch-norm-train'
import { compareWithCpu, wave } from './cpu-reference'

beforeAll(async () => {
  await initBackend({ prefer: 'wasm' })
})

describe('Tile', () => {
  it.each([
    { shape: [1, 1, 1, 5], reps: [2, 3, 4, 1] },
    { shape: [3, 1], reps: [1, 4] },
    { shape: [2, 3], reps: [2, 2] },
    { shape: [2, 1, 3], reps: [1, 3, 2] }
  ])('matches cpu for $shape x $reps', async ({ shape, reps }) => {
    const result = await compareWithCpu(() => tf.tile(wave(shape), reps))
    expect(result.maxDiff).toBe(0)
  })

  it('tiles int32 broadcasts', async () => {
    const result = await compareWithCpu(() =>
      tf.tile(tf.tensor([[1], [2]], [2, 1], 'int32'), [1, 3])
    )
    expect(result.maxDiff).toBe(0)
  })
})

describe('Identity and Slice', () => {
  it('identity shares data yet disposing either side leaves the other intact', async () => {
    await tf.setBackend('wasm')
    const x = tf.tensor([1, 2, 3])
    const y = tf.engine().runKernel<tf.Tensor>('Identity', { x })
    x.dispose()
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3])
    y.dispose()
  })

  it.each([
    { shape: [2, 9, 7, 3], begin: [0, 1, 2, 0], size: [2, 6, 4, 3] },
    { shape: [2, 9, 7, 1], begin: [1, 0, 0, 0], size: [1, 9, 7, 1] },
    { shape: [4, 5], begin: [1, 2], size: [2, 3] },
    { shape: [3, 4, 5], begin: [0, 0, 1], size: [3, 4, 3] },
    { shape: [6], begin: [2], size: [3] }
  ])('slice $shape from $begin size $size matches cpu', async ({ shape, begin, size }) => {
    const result = await compareWithCpu(() => tf.slice(wave(shape), begin, size))
    expect(result.maxDiff).toBe(0)
  })
})

describe('MaxPoolGrad', () => {
  const poolGrad = (x: tf.Tensor, size: number, stride: number, pad: 'same' | 'valid') =>
    tf.grad((xi) => tf.sum(tf.square(tf.maxPool(xi as tf.Tensor4D, size, stride, pad))))(x)

  // Zeros after a ReLU make ties: the first maximum of a window gets the gradient, as on cpu.
  it.each([
    { shape: [2, 8, 6, 3], size: 2, stride: 2, pad: 'valid' as const },
    { shape: [2, 8, 6, 3], size: 2, stride: 2, pad: 'same' as const },
    { shape: [2, 9, 8, 3], size: 3, stride: 2, pad: 'valid' as const },
    { shape: [1, 7, 9, 2], size: 3, stride: 1, pad: 'valid' as const }
  ])('matches cpu with ties, $shape pool $size/$stride $pad', async (c) => {
    const result = await compareWithCpu(() =>
      poolGrad(tf.add(tf.relu(wave(c.shape)), tf.sign(wave(c.shape, 1))), c.size, c.stride, c.pad)
    )
    expect(result.relative).toBeLessThan(1e-6)
  })

  // The built-in wasm kernel lets the padding win over negative values.
  it.each([
    { shape: [2, 7, 5, 3], size: 2, stride: 2 },
    { shape: [1, 9, 6, 2], size: 3, stride: 2 }
  ])('matches cpu on padded pools with negative windows, $shape', async (c) => {
    const x = () => tf.sub(wave(c.shape), 0.8)
    const result = await compareWithCpu(() => poolGrad(x(), c.size, c.stride, 'same'))
    expect(result.relative).toBeLessThan(1e-6)
  })
})

describe('fused BatchNorm training op', () => {
  it.each([
    { shape: [3, 5, 4, 6], relu: false },
    { shape: [3, 5, 4, 6], relu: true },
    { shape: [7, 10], relu: false },
    { shape: [7, 10], relu: true }
  ])('values, statistics and gradients match cpu: $shape relu $relu', async ({ shape, relu }) => {
    const channels = shape[shape.length - 1] ?? 1
    const result = await compareWithCpu(() => {
      const x = tf.add(tf.mul(wave(shape), 3), 1)
      const gamma = tf.add<tf.Tensor1D>(wave([channels], 1), 0.5)
      const beta = tf.mul<tf.Tensor1D>(wave([channels], 2), 0.3)
      const w = wave(shape, 4)
      const out = batchNormTrain(x, gamma, beta, 1e-3, relu)
      const loss = (xi: tf.Tensor, g: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(batchNormTrain(xi, g as tf.Tensor1D, b as tf.Tensor1D, 1e-3, relu).y, w))
      return [out.y, out.mean, out.variance, ...tf.grads(loss)([x, gamma, beta])]
    })
    expect(result.relative).toBeLessThan(1e-4)
  })
})
