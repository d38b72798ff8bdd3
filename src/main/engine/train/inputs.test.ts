// The pretrained head trains on standardised features; the saved head must read raw ones.
import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { buildModelFor } from './build-model'
import { headInputs } from './inputs'
import { CPU_DEFAULTS } from './settings'

beforeAll(async () => {
  await tf.setBackend('cpu')
})

describe('headInputs', () => {
  it('standardises features, and the finished head gives the same embeddings from raw ones', async () => {
    const dim = 6
    const raw = new Map(
      Array.from({ length: 10 }, (_, i) => [
        i,
        Float32Array.from({ length: dim }, (_, j) => 3 + j + Math.sin(i * 7 + j * 3) * (j + 1))
      ])
    )
    const inputs = headInputs(raw)
    const head = buildModelFor({ ...CPU_DEFAULTS, model: 'pretrained' }, dim)
    // Any trained state: a random kernel instead of the identity.
    const [kernel] = head.getWeights()
    head.setWeights([tf.randomNormal(kernel?.shape ?? [dim, dim], 0, 1, 'float32', 3)])
    const indices = [...raw.keys()]
    const trained = await inputs.embed(head, indices)
    const saved = inputs.finish(head)
    expect(saved).not.toBe(head)
    head.dispose()
    const x = tf.tensor2d(
      indices.flatMap((i) => Array.from(raw.get(i) ?? [])),
      [10, dim]
    )
    const fromRaw = (saved.predict(x) as tf.Tensor2D).arraySync()
    fromRaw.forEach((row, i) =>
      row.forEach((v, j) => expect(v).toBeCloseTo(trained[i]?.[j] ?? NaN, 4))
    )
    // The standardised training rows have zero mean and unit variance per dimension.
    const batch = inputs.batch(indices, () => 0.5)
    const { mean, variance } = tf.moments(batch, 0)
    Array.from(mean.dataSync()).forEach((m) => expect(Math.abs(m)).toBeLessThan(0.1))
    Array.from(variance.dataSync()).forEach((v) => expect(v).toBeGreaterThan(0.8))
    tf.dispose([x, batch, mean, variance])
    saved.dispose()
  })
})
