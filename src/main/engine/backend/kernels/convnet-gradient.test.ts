import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend } from '../init-backend'
import { compareWithCpu, wave } from './cpu-reference'

beforeAll(async () => {
  await initBackend({ prefer: 'wasm' })
})

/** A small convnet with every layer kind the training nets use, weights fixed by seed. */
function smallConvnet(): tf.LayersModel {
  const seed = (n: number) => tf.initializers.glorotUniform({ seed: n })
  const input = tf.input({ shape: [13, 10, 2] })
  const conv = (
    x: tf.SymbolicTensor,
    filters: number,
    kernelSize: number,
    strides: number,
    n: number
  ) =>
    tf.layers
      .conv2d({ filters, kernelSize, strides, padding: 'same', kernelInitializer: seed(n) })
      .apply(x) as tf.SymbolicTensor
  let x = conv(input, 6, 3, 2, 1)
  x = tf.layers.batchNormalization().apply(x) as tf.SymbolicTensor
  x = tf.layers.reLU().apply(x) as tf.SymbolicTensor
  const branch = conv(conv(x, 6, 3, 1, 2), 6, 1, 1, 3)
  x = tf.layers.add().apply([x, branch]) as tf.SymbolicTensor
  x = tf.layers.maxPooling2d({ poolSize: 2, padding: 'same' }).apply(x) as tf.SymbolicTensor
  x = tf.layers
    .depthwiseConv2d({ kernelSize: 3, strides: 2, padding: 'same', depthwiseInitializer: seed(4) })
    .apply(x) as tf.SymbolicTensor
  x = tf.layers.globalAveragePooling2d({}).apply(x) as tf.SymbolicTensor
  x = tf.layers.dense({ units: 5, kernelInitializer: seed(5) }).apply(x) as tf.SymbolicTensor
  return tf.model({ inputs: input, outputs: x })
}

describe('a small convnet trained on wasm', () => {
  it('has the same full gradient (tf.variableGrads of a loss) as on cpu', async () => {
    const model = smallConvnet()
    const names = model.trainableWeights.map((w) => w.originalName)
    const result = await compareWithCpu(() => {
      const x = wave([3, 13, 10, 2])
      const { value, grads } = tf.variableGrads(() => {
        const y = model.apply(x, { training: true }) as tf.Tensor
        return tf.sum(tf.mul(y, tf.sin(y)))
      })
      return [value, ...names.map((n) => grads[n] as tf.Tensor)]
    })
    model.dispose()
    expect(names.length).toBeGreaterThan(8)
    expect(result.relative).toBeLessThan(1e-4)
  })
})
