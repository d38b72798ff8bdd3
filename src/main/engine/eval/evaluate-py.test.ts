import { execFileSync, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { leaveOneOut } from './leave-one-out'
import { NEW_WHALE } from './vectors'

// Cross-check against the judge itself: same embeddings, same labels, same numbers.
const PYTHON = '/usr/bin/python3'
const EVALUATE = '/work/shared/reference/evaluate.py'
const probe = spawnSync(PYTHON, ['-c', 'import numpy'], { encoding: 'utf8' })
const skipReason =
  probe.status === 0 ? '' : `evaluate.py cross-check skipped: ${PYTHON} cannot import numpy`
if (skipReason) console.log(skipReason)

const dirs: string[] = []
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })))

type PyReport = Record<string, number | string | Array<number | string>>

/** A Kaggle-layout folder (empty image files: evaluate.py only checks they exist). */
function runEvaluate(vectors: Float32Array[], labels: string[], seed: number): PyReport {
  const dir = mkdtempSync(join(tmpdir(), 'flukeprint-eval-'))
  dirs.push(dir)
  mkdirSync(join(dir, 'images'))
  const names = labels.map((_, i) => `img${String(i).padStart(5, '0')}.jpg`)
  names.forEach((n) => writeFileSync(join(dir, 'images', n), ''))
  writeFileSync(
    join(dir, 'train.csv'),
    ['Image,Id', ...names.map((n, i) => `${n},${labels[i]}`)].join('\n')
  )
  const emb = names.map((image, i) => JSON.stringify({ image, vector: [...(vectors[i] ?? [])] }))
  writeFileSync(join(dir, 'emb.jsonl'), emb.join('\n') + '\n')
  const args = [EVALUATE, '--data', dir, '--emb', join(dir, 'emb.jsonl'), '--seed', String(seed)]
  return JSON.parse(execFileSync(PYTHON, args, { encoding: 'utf8', timeout: 120_000 })) as PyReport
}

/** Whales with 1..8 photos around their own centre, plus new_whale photos anywhere. */
function dataset(seed: number, images: number, dim: number, spread: number, grid = 0) {
  let s = seed >>> 0
  const rand = () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32 - 0.5
  const vectors: Float32Array[] = []
  const labels: string[] = []
  for (let w = 0; vectors.length < images; w++) {
    const centre = Array.from({ length: dim }, rand)
    const photos = 1 + Math.floor((rand() + 0.5) * 8)
    for (let p = 0; p < photos && vectors.length < images; p++) {
      const isNew = rand() < -0.3 // about a fifth
      const v = centre.map((c) => (isNew ? rand() : c + spread * rand()))
      // A coarse grid makes duplicate vectors, hence exactly tied similarities.
      vectors.push(Float32Array.from(grid ? v.map((x) => Math.round(x * grid) / grid) : v))
      labels.push(isNew ? NEW_WHALE : `w_${(w * 2654435761) % 1e7}`)
    }
  }
  return { vectors, labels }
}

const cases = [
  { name: 'clustered, 16-d', seed: 1, images: 600, dim: 16, spread: 1.2, grid: 0, evalSeed: 0 },
  { name: 'loose clusters, 8-d', seed: 2, images: 400, dim: 8, spread: 1.8, grid: 0, evalSeed: 5 },
  {
    name: 'duplicates and ties, 3-d',
    seed: 3,
    images: 300,
    dim: 3,
    spread: 0.5,
    grid: 2,
    evalSeed: 0
  }
]

describe.skipIf(skipReason !== '')('leaveOneOut equals evaluate.py', () => {
  for (const c of cases) {
    it(c.name, () => {
      const { vectors, labels } = dataset(c.seed, c.images, c.dim, c.spread, c.grid)
      const py = runEvaluate(vectors, labels, c.evalSeed)
      const ours = leaveOneOut(vectors, labels, { seed: c.evalSeed })
      expect(ours.images).toBe(py.n_images)
      expect(ours.individuals).toBe(py.n_ids)
      expect(ours.queries).toBe(py.n_queries)
      expect(ours.newQueries).toBe(py.n_new_queries)
      expect(Math.abs(ours.map5 - (py.map5_known as number))).toBeLessThan(1e-9)
      expect(Math.abs(ours.top1 - (py.top1 as number))).toBeLessThan(1e-9)
      expect(Math.abs(ours.top5 - (py.top5 as number))).toBeLessThan(1e-9)
      expect(Math.abs(ours.map5WithNew - (py.map5_with_new as number))).toBeLessThan(1e-9)
      // evaluate.py writes infinite thresholds as the strings 'inf' and '-inf'.
      const thresholds = (py.new_whale_thresholds as Array<number | string>).map((t) =>
        t === 'inf' ? Infinity : t === '-inf' ? -Infinity : Number(t)
      )
      expect(ours.newWhaleThresholds.length).toBe(thresholds.length)
      expect(ours.newWhaleThresholds).toEqual(thresholds)
      // Not a degenerate check: the data give mid-range scores.
      expect(ours.map5).toBeGreaterThan(0.02)
      expect(ours.map5).toBeLessThan(0.99)
    })
  }
})
