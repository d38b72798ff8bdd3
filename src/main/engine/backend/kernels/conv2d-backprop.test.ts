import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend } from '../init-backend'
import { compareWithCpu, wave } from './cpu-reference'

type Pad = 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]]
type Case = { x: number[]; filter: number[]; stride: number; pad: Pad }

const explicit = (t: number, b: number, l: number, r: number): Pad => [
  [0, 0],
  [t, b],
  [l, r],
  [0, 0]
]

// Batch > 1, channels > 1, non-square inputs throughout; odd, even and 1x1 kernels.
const CASES: Case[] = [
  { x: [2, 9, 7, 3], filter: [3, 3, 3, 4], stride: 1, pad: 'same' },
  { x: [2, 9, 7, 3], filter: [3, 3, 3, 4], stride: 1, pad: 'valid' },
  { x: [2, 9, 7, 3], filter: [3, 3, 3, 4], stride: 2, pad: 'same' },
  { x: [2, 10, 8, 3], filter: [3, 3, 3, 4], stride: 2, pad: 'valid' },
  { x: [3, 10, 8, 2], filter: [4, 4, 2, 3], stride: 1, pad: 'same' },
  { x: [3, 10, 8, 2], filter: [4, 2, 2, 3], stride: 2, pad: 'same' },
  { x: [2, 11, 6, 2], filter: [5, 5, 2, 3], stride: 2, pad: 'valid' },
  { x: [2, 10, 8, 5], filter: [1, 1, 5, 6], stride: 1, pad: 'same' },
  { x: [2, 10, 7, 5], filter: [1, 1, 5, 6], stride: 2, pad: 'valid' },
  { x: [2, 10, 8, 3], filter: [3, 2, 3, 5], stride: 2, pad: explicit(1, 2, 2, 0) },
  { x: [2, 9, 8, 3], filter: [3, 3, 3, 2], stride: 1, pad: explicit(0, 2, 1, 1) },
  { x: [2, 9, 8, 3], filter: [2, 2, 3, 2], stride: 1, pad: explicit(3, 0, 0, 3) },
  { x: [1, 12, 9, 2], filter: [5, 3, 2, 2], stride: 3, pad: 'same' },
  { x: [4, 8, 8, 1], filter: [3, 3, 1, 8], stride: 2, pad: 'same' },
  // More than 32 taps per output pixel: the dilated-convolution form of the filter gradient.
  { x: [2, 9, 7, 6], filter: [3, 3, 6, 4], stride: 1, pad: 'same' },
  { x: [2, 10, 8, 6], filter: [3, 3, 6, 4], stride: 2, pad: 'valid' },
  { x: [2, 10, 9, 5], filter: [4, 3, 5, 3], stride: 2, pad: explicit(2, 1, 0, 2) }
]

const name = (c: Case) =>
  `x ${c.x.join('x')} filter ${c.filter.join('x')} stride ${c.stride} ${typeof c.pad === 'string' ? c.pad : 'explicit'}`

beforeAll(async () => {
  await initBackend({ prefer: 'wasm' })
})

describe('wasm conv2d gradient kernels match the cpu backend', () => {
  it.each(CASES)('through tf.grads: $x / $filter / stride $stride', async (c) => {
    const result = await compareWithCpu(() => {
      const x = wave(c.x) as tf.Tensor4D
      const f = wave(c.filter, 0.5) as tf.Tensor4D
      const loss = (xi: tf.Tensor, fi: tf.Tensor) => {
        const y = tf.conv2d(xi as tf.Tensor4D, fi as tf.Tensor4D, c.stride, c.pad)
        return tf.sum(tf.mul(y, tf.sin(y)))
      }
      return tf.grads(loss)([x, f])
    })
    expect(result.relative, name(c)).toBeLessThan(1e-4)
  })

  it.each(CASES)('Conv2DBackpropFilter kernel directly: $x / $filter', async (c) => {
    const result = await compareWithCpu(() => {
      const x = wave(c.x)
      const dy = tf.conv2d(x as tf.Tensor4D, wave(c.filter, 2) as tf.Tensor4D, c.stride, c.pad)
      const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', filterShape: c.filter }
      const inputs = { x, dy: tf.sin(dy) }
      return tf.engine().runKernel<tf.Tensor>('Conv2DBackpropFilter', inputs, attrs)
    })
    expect(result.relative, name(c)).toBeLessThan(1e-4)
  })

  it.each(CASES)('Conv2DBackpropInput kernel directly: $x / $filter', async (c) => {
    const result = await compareWithCpu(() => {
      const filter = wave(c.filter, 3)
      const y = tf.conv2d(wave(c.x) as tf.Tensor4D, filter as tf.Tensor4D, c.stride, c.pad)
      const attrs = { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', inputShape: c.x }
      const inputs = { dy: tf.cos(y), filter }
      return tf.engine().runKernel<tf.Tensor>('Conv2DBackpropInput', inputs, attrs)
    })
    expect(result.relative, name(c)).toBeLessThan(1e-4)
  })
})
