import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend } from '../backend'
import { buildBranchModel, countParams, CPU_BRANCH, GPU_BRANCH, type BranchConfig } from '.'

beforeAll(async () => {
  await initBackend({ prefer: 'wasm' })
})

const norms = (y: tf.Tensor) => tf.tidy(() => Array.from(tf.norm(y, 'euclidean', 1).dataSync()))
const batch = (n: number, c: BranchConfig) =>
  tf.randomUniform([n, c.inputHeight, c.inputWidth, c.channels], 0, 1, 'float32', 7)

describe('buildBranchModel', () => {
  it('maps CPU_BRANCH crops to unit-length embeddings, in inference and in training', () => {
    const model = buildBranchModel(CPU_BRANCH)
    expect(model.inputs[0]?.shape).toEqual([null, 96, 96, 1])
    expect(model.outputs[0]?.shape).toEqual([null, CPU_BRANCH.embedding])
    const x = batch(5, CPU_BRANCH)
    const inference = model.predict(x) as tf.Tensor
    const training = model.apply(x, { training: true }) as tf.Tensor
    expect(inference.shape).toEqual([5, 128])
    for (const n of [...norms(inference), ...norms(training)]) expect(n).toBeCloseTo(1, 5)
    tf.dispose([x, inference, training])
    model.dispose()
  })

  it('builds the GPU preset at full size', () => {
    const model = buildBranchModel(GPU_BRANCH)
    expect(model.inputs[0]?.shape).toEqual([null, 384, 384, 1])
    expect(model.outputs[0]?.shape).toEqual([null, GPU_BRANCH.embedding])
    expect(countParams(model).trainable).toBeGreaterThan(
      20 * countParams(buildBranchModel(CPU_BRANCH)).trainable
    )
    model.dispose()
  })

  it('takes colour, non-square inputs and any depth', () => {
    const config: BranchConfig = {
      inputHeight: 64,
      inputWidth: 80,
      channels: 3,
      width: 8,
      blocks: 2,
      subBlocks: 1,
      embedding: 32
    }
    const model = buildBranchModel(config)
    const y = model.predict(batch(2, config)) as tf.Tensor
    expect(y.shape).toEqual([2, 32])
    y.dispose()
    model.dispose()
  })

  it('refuses inputs too small for the number of blocks', () => {
    expect(() =>
      buildBranchModel({ ...CPU_BRANCH, inputHeight: 24, inputWidth: 24, blocks: 4 })
    ).toThrow(/too small/)
  })

  it('counts trainable and non-trainable (BatchNorm moving) parameters', () => {
    const model = buildBranchModel(CPU_BRANCH)
    const count = countParams(model)
    expect(count.total).toBe(model.countParams())
    expect(count.nonTrainable).toBeGreaterThan(0)
    expect(count.trainable + count.nonTrainable).toBe(count.total)
    model.dispose()
  })

  it('survives model.save and tf.loadLayersModel with its custom layers', async () => {
    const model = buildBranchModel({
      ...CPU_BRANCH,
      inputHeight: 32,
      inputWidth: 32,
      blocks: 2,
      subBlocks: 1
    })
    let saved: tf.io.ModelArtifacts | undefined
    await model.save(
      tf.io.withSaveHandler((artifacts) => {
        saved = artifacts
        const modelArtifactsInfo = { dateSaved: new Date(), modelTopologyType: 'JSON' as const }
        return Promise.resolve({ modelArtifactsInfo })
      })
    )
    if (!saved) throw new Error('nothing saved')
    const loaded = await tf.loadLayersModel(tf.io.fromMemory(saved))
    const x = tf.randomUniform([3, 32, 32, 1], 0, 1, 'float32', 3)
    const a = (model.predict(x) as tf.Tensor).arraySync() as number[][]
    const b = (loaded.predict(x) as tf.Tensor).arraySync() as number[][]
    a.flat().forEach((v, i) => expect(b.flat()[i]).toBeCloseTo(v, 5))
    expect(loaded.layers.map((l) => l.getClassName())).toEqual(
      model.layers.map((l) => l.getClassName())
    )
    model.dispose()
    loaded.dispose()
  })

  it('trains: one Adam step changes the weights and updates the BatchNorm moving averages', () => {
    const model = buildBranchModel({
      ...CPU_BRANCH,
      inputHeight: 32,
      inputWidth: 32,
      blocks: 1,
      subBlocks: 1
    })
    const names = model.weights.map((w) => w.originalName)
    const before = model.getWeights().map((w) => w.dataSync().slice())
    const x = batch(8, { ...CPU_BRANCH, inputHeight: 32, inputWidth: 32 })
    const optimizer = tf.train.adam(1e-2)
    const cost = optimizer.minimize(() => {
      const y = model.apply(x, { training: true }) as tf.Tensor
      return tf.sum(tf.mul(y, tf.linspace(-1, 1, 128)))
    }, true)
    expect(Number.isFinite(cost?.dataSync()[0])).toBe(true)
    const after = model.getWeights().map((w) => w.dataSync())
    const changed = names.filter((_, i) => after[i]?.some((v, j) => v !== before[i]?.[j]))
    // Residual branches start at zero (gamma = 0), so their inner weights get no gradient yet.
    expect(changed.filter((n) => n.includes('moving')).length).toBe(
      names.filter((n) => n.includes('moving')).length
    )
    expect(changed.some((n) => n.includes('dense'))).toBe(true)
    expect(changed.length).toBeGreaterThan(names.length / 2)
    tf.dispose([x])
    cost?.dispose()
    model.dispose()
  })
})
