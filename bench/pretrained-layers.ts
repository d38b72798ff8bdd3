// Which layer of the offline ImageNet MobileNetV2 (bundled in nsfwjs) identifies individuals
// best, pooled as an embedding with no training? One forward pass per image feeds every
// candidate layer; each (layer, pooling, normalisation) is scored by the judge, evaluate.py,
// beside raw 32x32 grey pixels on the same folder. Prints one JSON line per row.
// Usage: npx tsx bench/pretrained-layers.ts --data DIR [--norm symmetric|unit|both]
//   [--layers a,b] [--pools gap,gmp,gem,grid2,grid3] [--out DIR] [--centre]
//   [--no-timing] [--no-study]
import * as tf from '@tensorflow/tfjs'
import sharp from 'sharp'
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { initBackend } from '../src/main/engine/backend'
import {
  decodeForBackbone,
  loadMobileNetV2,
  multiOutput,
  pool,
  POOLINGS,
  STUDY_LAYERS,
  toBatch,
  truncate,
  type Normalisation,
  type Pooling
} from '../src/main/engine/pretrained'
import { readKaggleCsv } from '../src/main/import/kaggle-csv'

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    norm: { type: 'string', default: 'both' },
    layers: { type: 'string', default: STUDY_LAYERS.join(',') },
    pools: { type: 'string', default: POOLINGS.join(',') },
    out: { type: 'string' },
    batch: { type: 'string', default: '8' },
    judge: { type: 'string', default: '/work/shared/reference/evaluate.py' },
    python: { type: 'string', default: '/usr/bin/python3' },
    centre: { type: 'boolean', default: false },
    'no-timing': { type: 'boolean', default: false },
    'no-study': { type: 'boolean', default: false }
  }
})
if (!values.data) throw new Error('usage: --data DIR (Kaggle layout: images/, train.csv)')
const data = resolve(values.data)
const norms: Normalisation[] =
  values.norm === 'both' ? ['symmetric', 'unit'] : [values.norm as Normalisation]
const layers = values.layers.split(',')
const pools = values.pools.split(',') as Pooling[]
const batchSize = Number(values.batch)
const out = values.out ? resolve(values.out) : mkdtempSync(join(tmpdir(), 'pretrained-layers-'))
mkdirSync(out, { recursive: true })

const backend = await initBackend({ prefer: 'wasm' })
const table = await readKaggleCsv(join(data, 'train.csv'), join(data, 'images'))
const files = table.files
const dataset = basename(data) === 'test' || basename(data) === 'train' ? data : basename(data)

type Row = Record<string, string | number>
const print = (row: Row) => console.log(JSON.stringify({ data: dataset, ...row }))

/**
 * Unit length, then minus the folder's own mean vector: no labels, and in the product the
 * catalogue's mean is at hand. ReLU features are all positive, so raw cosines crowd near 1.
 */
function centred(vectors: Float32Array[]): Float32Array[] {
  const units = vectors.map((v) => {
    const norm = Math.hypot(...v) || 1
    return v.map((x) => x / norm)
  })
  const mean = new Float32Array(units[0]?.length ?? 0)
  for (const u of units) u.forEach((x, j) => (mean[j] = (mean[j] ?? 0) + x / units.length))
  return units.map((u) => u.map((x, j) => x - (mean[j] ?? 0)))
}

function judgeBoth(vectors: Float32Array[], name: string, row: Row): void {
  print({ ...row, centre: 'no', ...judge(vectors, name) })
  if (values.centre) print({ ...row, centre: 'yes', ...judge(centred(vectors), `${name}-c`) })
}

function judge(vectors: Float32Array[], name: string): Row {
  const path = join(out, `${name}.jsonl`)
  const lines = files.map((f, i) =>
    JSON.stringify({ image: f.display, vector: [...(vectors[i] ?? [])] })
  )
  writeFileSync(path, `${lines.join('\n')}\n`)
  const report = JSON.parse(
    execFileSync(values.python, [values.judge, '--data', data, '--emb', path], { encoding: 'utf8' })
  ) as Record<string, number>
  const round = (x: number | undefined) => Math.round((x ?? NaN) * 1000) / 1000
  return { map5: round(report.map5_known), top1: round(report.top1), top5: round(report.top5) }
}

// The baseline to beat: raw 32x32 grey pixels / 255, as seed_reference.py --pixels 32.
if (!values['no-study']) {
  const pixels = await Promise.all(
    files.map(async (f) => {
      const raw = await sharp(f.path).greyscale().resize(32, 32, { fit: 'fill' }).raw().toBuffer()
      return Float32Array.from(raw, (v) => v / 255)
    })
  )
  judgeBoth(pixels, 'raw-pixels-32', { layer: 'raw-pixels-32', pool: '-', norm: '-', dim: 1024 })
}

const mobilenet = await loadMobileNetV2()
const study = multiOutput(mobilenet, layers)
const dims = truncate(mobilenet, layers).map((t) => t.dim)

for (const norm of values['no-study'] ? [] : norms) {
  // features[layer][pool][image]
  const features = layers.map(() => pools.map(() => [] as Float32Array[]))
  const started = performance.now()
  for (let start = 0; start < files.length; start += batchSize) {
    const chunk = files.slice(start, start + batchSize)
    const images = await Promise.all(chunk.map((f) => decodeForBackbone(f.path)))
    const pooled = tf.tidy(() => {
      const maps = study.predict(toBatch(images, norm)) as tf.Tensor4D[]
      return maps.map((m) => pools.map((p) => pool(m, p)))
    })
    for (const [l, perPool] of pooled.entries()) {
      for (const [p, tensor] of perPool.entries()) {
        const rows = await tensor.array()
        tensor.dispose()
        features[l]?.[p]?.push(...rows.map((r) => Float32Array.from(r)))
      }
    }
  }
  const seconds = (performance.now() - started) / 1000
  console.error(`${norm}: ${files.length} images through all layers in ${seconds.toFixed(1)} s`)
  for (const [l, layer] of layers.entries()) {
    for (const [p, poolName] of pools.entries()) {
      const vectors = features[l]?.[p] ?? []
      const dim = vectors[0]?.length ?? dims[l] ?? 0
      judgeBoth(vectors, `${layer}-${poolName}-${norm}`, { layer, pool: poolName, norm, dim })
    }
  }
}

// What a product embedding pays per image: decoding (sharp) and each cut's forward pass with
// pooling, timed apart, after a warm-up (XNNPACK packs weights on first use); best of 3 runs.
if (!values['no-timing']) {
  const sample = files.slice(0, 2 * batchSize)
  const t0 = performance.now()
  const decoded = await Promise.all(sample.map((f) => decodeForBackbone(f.path)))
  const decodeMs = (performance.now() - t0) / sample.length
  print({ layer: 'decode', timing: 'ms/image', ms: Math.round(decodeMs * 10) / 10 })
  const input = toBatch(decoded, norms[0] ?? 'unit')
  // CPU time as well as wall time: on a shared machine wall time mostly measures the neighbours,
  // and the wasm backend runs on one thread, so CPU time is what a quiet machine would take.
  for (const { layer, model } of truncate(mobilenet, layers)) {
    const wall: number[] = []
    const cpu: number[] = []
    for (let rep = 0; rep < 4; rep++) {
      const [t, c] = [performance.now(), process.cpuUsage()]
      const result = tf.tidy(() => pool(model.predict(input) as tf.Tensor4D, 'gap'))
      await result.data()
      result.dispose()
      const used = process.cpuUsage(c)
      if (rep === 0) continue
      wall.push((performance.now() - t) / sample.length)
      cpu.push((used.user + used.system) / 1000 / sample.length)
    }
    const best = (xs: number[]) => Math.round(Math.min(...xs) * 10) / 10
    print({ layer, timing: 'ms/image', backend: backend.name, wall: best(wall), cpu: best(cpu) })
  }
  input.dispose()
}
console.error(`embeddings in ${out}`)
