// Training and embedding speed of Flukeprint's backend beside Debian's PyTorch (CPU), same nets,
// same machine, same run. Batch 32 = P 8 x K 4, batch-hard soft-margin triplet loss, Adam.
//   npx tsx bench/train-speed.ts [--nets test,branch] [--steps 12] [--torch-threads 2,1] [--profile]
// Nets: "test" is ml-engine.md's test net (stem 3x3/2, three residual stages 32-128, BatchNorm,
// max pool, global pool, 64-d dense; 312k parameters) built from Flukeprint's layers; "stock" is
// the same net from stock tf.layers (tfjs' own BatchNorm and fused conv); "branch" is CPU_BRANCH.
// Timings on a shared 2-core machine move by tens of percent: compare ratios within one run.
import * as tf from '@tensorflow/tfjs'
import { spawnSync } from 'node:child_process'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { initBackend } from '../src/main/engine/backend'
import {
  buildBranchModel,
  CPU_BRANCH,
  FlukeprintBatchNorm,
  FlukeprintConv2D
} from '../src/main/engine/model'

const { values: args } = parseArgs({
  options: {
    nets: { type: 'string', default: 'test,branch' },
    steps: { type: 'string', default: '12' },
    'torch-threads': { type: 'string', default: '2' },
    python: { type: 'string', default: '/usr/bin/python3' },
    profile: { type: 'boolean', default: false },
    'no-torch': { type: 'boolean', default: false }
  }
})
const BATCH = 32
const STEPS = Number(args.steps)
type S = tf.SymbolicTensor
type Row = {
  net: string
  engine: string
  params: number
  msMedian: number
  msMin: number
  imagesPerSecond: number
}

/** ml-engine.md's test net; `stock` builds it from tf.layers instead of Flukeprint's layers. */
function testNet(stock: boolean): tf.LayersModel {
  const L = tf.layers
  const cbr = (x: S, filters: number, kernelSize: number, strides: number, relu: boolean): S => {
    if (stock) {
      const conv = L.conv2d({ filters, kernelSize, strides, padding: 'same', useBias: false })
      const y = L.batchNormalization().apply(conv.apply(x)) as S
      return relu ? (L.reLU().apply(y) as S) : y
    }
    const y = new FlukeprintConv2D({ filters, kernelSize, strides }).apply(x) as S
    return new FlukeprintBatchNorm({ activation: relu ? 'relu' : 'linear' }).apply(y) as S
  }
  const stage = (x: S, f: number): S => {
    const main = cbr(cbr(x, f, 3, 1, true), f, 3, 1, false)
    return L.reLU().apply(L.add().apply([main, cbr(x, f, 1, 1, false)])) as S
  }
  const pool = (x: S) => L.maxPooling2d({ poolSize: 2 }).apply(x) as S
  const input = tf.input({ shape: [96, 96, 1] })
  let x = pool(cbr(input, 16, 3, 2, true))
  x = pool(stage(x, 32))
  x = pool(stage(x, 64))
  x = L.globalAveragePooling2d({}).apply(stage(x, 128)) as S
  return tf.model({ inputs: input, outputs: L.dense({ units: 64 }).apply(x) as S })
}

function buildNet(name: string): tf.LayersModel {
  if (name === 'branch') return buildBranchModel(CPU_BRANCH)
  if (name === 'test' || name === 'stock') return testNet(name === 'stock')
  throw new Error(`unknown net ${name}`)
}

/** For each anchor the farthest positive and the nearest negative, soft margin. */
function batchHardLoss(embeddings: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  const e = tf.div(embeddings, tf.add(tf.norm(embeddings, 'euclidean', 1, true), 1e-12))
  const d = tf.sqrt(tf.add(tf.relu(tf.sub(2, tf.mul(2, tf.matMul(e, e, false, true)))), 1e-12))
  const same = tf.cast(tf.equal(tf.expandDims(labels, 1), tf.expandDims(labels, 0)), 'float32')
  const hardestPositive = tf.max(tf.mul(d, same), 1)
  const hardestNegative = tf.min(tf.add(d, tf.mul(same, 4)), 1)
  return tf.mean(tf.softplus(tf.sub(hardestPositive, hardestNegative)))
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN

async function benchTfjs(name: string, engine: string): Promise<Row> {
  const model = buildNet(name)
  const optimizer = tf.train.adam(1e-3)
  const x = tf.randomNormal([BATCH, 96, 96, 1], 0, 1, 'float32', 1)
  const ids = Array.from({ length: BATCH }, (_, i) => i % 8).sort(() => Math.random() - 0.5)
  const labels = tf.tensor1d(ids, 'int32')
  const loss = () => batchHardLoss(model.apply(x, { training: true }) as tf.Tensor2D, labels)
  const step = () => tf.tidy(() => void optimizer.minimize(loss, true)?.dataSync())
  for (let i = 0; i < 2; i++) step()
  const times: number[] = []
  for (let i = 0; i < STEPS; i++) {
    const start = performance.now()
    step()
    times.push(performance.now() - start)
  }
  if (args.profile) await printProfile(name, step, median(times))
  const embed = () => tf.tidy(() => void (model.predict(x) as tf.Tensor).dataSync())
  embed()
  const rounds = Math.max(3, Math.round(STEPS / 2))
  const start = performance.now()
  for (let i = 0; i < rounds; i++) embed()
  const imagesPerSecond = (rounds * BATCH * 1000) / (performance.now() - start)
  const row = {
    net: name,
    engine,
    params: model.countParams(),
    msMedian: median(times),
    msMin: Math.min(...times),
    imagesPerSecond
  }
  tf.dispose([x, labels])
  optimizer.dispose()
  model.dispose()
  return row
}

/** Kernel time per kernel over one step; the rest of the step is tfjs bookkeeping and JS. */
async function printProfile(name: string, step: () => void, stepMs: number): Promise<void> {
  const info = await tf.profile(step)
  const byKernel = new Map<string, { ms: number; calls: number }>()
  for (const k of info.kernels) {
    const entry = byKernel.get(k.name) ?? { ms: 0, calls: 0 }
    entry.ms += typeof k.kernelTimeMs === 'number' ? k.kernelTimeMs : 0
    entry.calls++
    byKernel.set(k.name, entry)
  }
  const total = [...byKernel.values()].reduce((a, b) => a + b.ms, 0)
  console.log(
    `\nprofile of one ${name} step (${info.kernels.length} kernel calls, ${total.toFixed(0)} ms in kernels, step median ${stepMs.toFixed(0)} ms)`
  )
  for (const [kernel, { ms, calls }] of [...byKernel]
    .sort((a, b) => b[1].ms - a[1].ms)
    .slice(0, 14)) {
    console.log(
      `  ${kernel.padEnd(34)} ${ms.toFixed(1).padStart(7)} ms ${((100 * ms) / total).toFixed(0).padStart(3)}%  ${calls} calls`
    )
  }
}

function benchTorch(nets: string[], threads: string): Row[] {
  const script = join(import.meta.dirname, 'train-speed.py')
  const torchNets = nets.filter((n) => n !== 'stock')
  const cli = [
    script,
    '--nets',
    torchNets.join(','),
    '--steps',
    String(STEPS),
    '--threads',
    threads
  ]
  const run = spawnSync(args.python, cli, { encoding: 'utf8', maxBuffer: 1 << 24 })
  if (run.status !== 0) throw new Error(`PyTorch bench failed: ${run.stderr || run.error?.message}`)
  return run.stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Row)
}

const backend = await initBackend()
const nets = args.nets.split(',')
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')
console.log(
  `${cpus().length} cores, load ${load()}, Node ${process.version}, tfjs ${tf.version.tfjs}`
)
console.log(`backend: ${backend.name} - ${backend.reason}`)
const engine = `tfjs ${backend.name} (${backend.threads} thread${backend.threads > 1 ? 's' : ''})`
const rows: Row[] = []
for (const net of nets) rows.push(await benchTfjs(net, engine))
if (!args['no-torch'])
  for (const t of args['torch-threads'].split(',')) rows.push(...benchTorch(nets, t))

console.log(`\nbatch ${BATCH}, ${STEPS} timed steps; load now ${load()}`)
console.log(
  'net     engine                        params   ms/step median (min)   images/s embedded'
)
for (const r of rows) {
  const ms = `${r.msMedian.toFixed(0)} (${r.msMin.toFixed(0)})`
  console.log(
    `${r.net.padEnd(8)}${r.engine.padEnd(30)}${String(r.params).padStart(8)}   ${ms.padStart(18)}   ${r.imagesPerSecond.toFixed(0).padStart(10)}`
  )
}
for (const r of rows.filter((row) => row.engine.startsWith('PyTorch'))) {
  const ours = rows.find((row) => row.net === r.net && row.engine === engine)
  if (!ours) continue
  const perStep = (ours.msMedian / r.msMedian).toFixed(1)
  const perImage = (r.imagesPerSecond / ours.imagesPerSecond).toFixed(1)
  console.log(
    `ratio ${r.net}: ${engine} / ${r.engine}: ${perStep}x per training step, ${perImage}x per embedded image`
  )
}
