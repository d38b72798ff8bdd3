// The alternative to the fitted refiner that was measured and not kept: a small TF.js network
// that predicts the four edge corrections of the refined box (in shares of its size) from the
// background-distance map around it, trained on 100 corrected (true) demo boxes, scored on 200
// photos of another seed. `--model mlp`: column and row stand-out profiles (72 inputs), one
// hidden layer of 32; `--model cnn`: the 24 x 48 map itself, two conv layers (8, 16 filters).
// Usage: npx tsx bench/box-regressor-tfjs.ts [--model cnn|mlp] [--epochs 100] [--flip]
import { parseArgs } from 'node:util'
import * as tf from '@tensorflow/tfjs'
import { initBackend } from '../src/main/engine/backend'
import {
  fitRefiner,
  refineBox,
  unitIoU,
  type RefinerSample
} from '../src/main/boxes/learned-refiner'
import type { UnitBox } from '../src/main/boxes/propose-box'
import { demoBoxSamples } from './box-samples'

const { values } = parseArgs({
  options: {
    model: { type: 'string', default: 'cnn' },
    epochs: { type: 'string', default: '100' },
    flip: { type: 'boolean', default: false }
  }
})
const cnn = values.model === 'cnn'
const H = 24
const W = 48
/** The map is read over the refined box grown by this share on every side. */
const PAD = 0.3

function input(s: RefinerSample, b: UnitBox, flip: boolean): number[] {
  const a = s.analysis
  const w = b.x1 - b.x0
  const h = b.y1 - b.y0
  const map: number[] = []
  for (let i = 0; i < H; i++) {
    for (let j = 0; j < W; j++) {
      const u = (flip ? W - 1 - j : j) + 0.5
      const x = Math.floor((b.x0 - PAD * w + (u / W) * w * (1 + 2 * PAD)) * a.width)
      const y = Math.floor((b.y0 - PAD * h + ((i + 0.5) / H) * h * (1 + 2 * PAD)) * a.height)
      const inside = x >= 0 && y >= 0 && x < a.width && y < a.height
      map.push(inside ? Math.min(3, (a.distance[y * a.width + x] ?? 0) / a.threshold) : 0)
    }
  }
  if (cnn) return map
  const profiles = new Array<number>(W + H).fill(0)
  map.forEach((v, k) => {
    const on = v > 1 ? 1 : 0
    profiles[k % W] = (profiles[k % W] ?? 0) + on / H
    profiles[W + Math.floor(k / W)] = (profiles[W + Math.floor(k / W)] ?? 0) + on / W
  })
  return profiles
}

function target(b: UnitBox, t: UnitBox, flip: boolean): number[] {
  const w = b.x1 - b.x0
  const h = b.y1 - b.y0
  const d = [(t.x0 - b.x0) / w, (t.y0 - b.y0) / h, (t.x1 - b.x1) / w, (t.y1 - b.y1) / h]
  // Mirrored, the left edge's correction becomes the right edge's, with its sign turned.
  return flip ? [-(d[2] ?? 0), d[1] ?? 0, -(d[0] ?? 0), d[3] ?? 0] : d
}

function network(size: number): tf.Sequential {
  const model = tf.sequential()
  if (cnn) {
    model.add(
      tf.layers.conv2d({
        inputShape: [H, W, 1],
        filters: 8,
        kernelSize: 3,
        activation: 'relu',
        padding: 'same'
      })
    )
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }))
    model.add(tf.layers.conv2d({ filters: 16, kernelSize: 3, activation: 'relu', padding: 'same' }))
    model.add(tf.layers.maxPooling2d({ poolSize: 2 }))
    model.add(tf.layers.flatten())
    model.add(tf.layers.dropout({ rate: 0.3 }))
  } else {
    model.add(
      tf.layers.dense({
        inputShape: [size],
        units: 32,
        activation: 'relu',
        kernelRegularizer: tf.regularizers.l2({ l2: 1e-3 })
      })
    )
  }
  // Zero start: before training the network leaves the refined box as it is.
  model.add(tf.layers.dense({ units: 4, kernelInitializer: 'zeros' }))
  model.compile({ optimizer: tf.train.adam(3e-3), loss: tf.losses.huberLoss })
  return model
}

const backend = await initBackend()
const test = (await demoBoxSamples(200, 7)).samples
const train = (await demoBoxSamples(100, 11)).samples
const params = fitRefiner(train)
const refined = (s: RefinerSample) => refineBox(s.analysis, s.untrained, params)
const flips = values.flip ? [false, true] : [false]
const rows = train.flatMap((s) => flips.map((flip) => ({ s, flip })))
const xs = rows.map(({ s, flip }) => input(s, refined(s), flip))
const size = xs[0]?.length ?? 0
const shape = (n: number): number[] => (cnn ? [n, H, W, 1] : [n, size])
const model = network(size)
const started = performance.now()
await model.fit(
  tf.tensor(xs.flat(), shape(xs.length)),
  tf.tensor2d(rows.map(({ s, flip }) => target(refined(s), s.truth, flip))),
  { epochs: Number(values.epochs), batchSize: 16, verbose: 0, shuffle: true }
)
const seconds = (performance.now() - started) / 1000

function score(set: RefinerSample[]) {
  const inputs = set.map((s) => input(s, refined(s), false))
  const deltas = (
    model.predict(tf.tensor(inputs.flat(), shape(set.length))) as tf.Tensor
  ).arraySync() as number[][]
  let net = 0
  let base = 0
  set.forEach((s, i) => {
    const b = refined(s)
    const [d0 = 0, d1 = 0, d2 = 0, d3 = 0] = deltas[i] ?? []
    const w = b.x1 - b.x0
    const h = b.y1 - b.y0
    net += unitIoU(
      { x0: b.x0 + d0 * w, y0: b.y0 + d1 * h, x1: b.x1 + d2 * w, y1: b.y1 + d3 * h },
      s.truth
    )
    base += unitIoU(b, s.truth)
  })
  return { refiner: +(base / set.length).toFixed(3), network: +(net / set.length).toFixed(3) }
}

console.log(
  JSON.stringify({
    backend: backend.name,
    model: values.model,
    epochs: Number(values.epochs),
    flip: values.flip,
    trainSeconds: +seconds.toFixed(1),
    train: score(train),
    test: score(test)
  })
)
