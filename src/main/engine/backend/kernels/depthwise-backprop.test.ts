import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend } from '../init-backend'
import { compareWithCpu, wave } from './cpu-reference'

type Pad = 'same' | 'valid' | [[0, 0], [number, number], [number, number], [0, 0]]
type Case = { x: number[]; filter: number[]; stride: number; pad: Pad }

// filter is [KH, KW, C, channel multiplier].
const CASES: Case[] = [
  { x: [2, 9, 7, 3], filter: [3, 3, 3, 1], stride: 1, pad: 'same' },
  { x: [2, 9, 7, 3], filter: [3, 3, 3, 2], stride: 1, pad: 'valid' },
  { x: [2, 9, 7, 3], filter: [3, 3, 3, 2], stride: 2, pad: 'same' },
  { x: [2, 10, 8, 4], filter: [4, 4, 4, 1], stride: 2, pad: 'valid' },
  { x: [3, 10, 8, 2], filter: [2, 2, 2, 3], stride: 1, pad: 'same' },
  { x: [2, 10, 8, 3], filter: [1, 1, 3, 2], stride: 2, pad: 'same' },
  {
    x: [1, 11, 9, 2],
    filter: [3, 2, 2, 3],
    stride: 2,
    pad: [
      [0, 0],
      [1, 2],
      [2, 0],
      [0, 0]
    ]
  }
]

beforeAll(async () => {
  await initBackend({ prefer: 'wasm' })
})

describe('wasm depthwise gradient kernels match the cpu backend', () => {
  it.each(CASES)('x $x, filter $filter, stride $stride', async (c) => {
    const result = await compareWithCpu(() => {
      const x = wave(c.x) as tf.Tensor4D
      const f = wave(c.filter, 0.7) as tf.Tensor4D
      const loss = (xi: tf.Tensor, fi: tf.Tensor) => {
        const y = tf.depthwiseConv2d(xi as tf.Tensor4D, fi as tf.Tensor4D, c.stride, c.pad)
        return tf.sum(tf.mul(y, tf.sin(y)))
      }
      return tf.grads(loss)([x, f])
    })
    expect(result.relative).toBeLessThan(1e-4)
  })

  it('refuses dilated depthwise gradients with a clear error', () => {
    const attrs = { strides: 1, dilations: 2, pad: 'same', filterShape: [3, 3, 2, 1] }
    const run = () =>
      tf.tidy(() =>
        tf
          .engine()
          .runKernel(
            'DepthwiseConv2dNativeBackpropFilter',
            { x: wave([1, 6, 6, 2]), dy: wave([1, 6, 6, 2]) },
            attrs as never
          )
      )
    expect(run).toThrow(/dilation/)
  })
})
