// The engine's CLI as a user runs it: `flukeprint train`, `evaluate`, `embed`, `match` and
// `submit` on a small demo folder in Kaggle layout, each a separate process, results on stdout.
import { execFile } from 'node:child_process'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../fixtures/images'

const cli = join(import.meta.dirname, '../../bin/flukeprint.js')
const run = promisify(execFile)

async function flukeprint(...args: string[]): Promise<string> {
  const { stdout } = await run(process.execPath, [cli, ...args], { maxBuffer: 64 << 20 })
  return stdout
}

/** Runs a command that must fail; returns its exit code and stderr. */
async function failing(...args: string[]): Promise<{ code: number; stderr: string }> {
  try {
    await run(process.execPath, [cli, ...args])
  } catch (error) {
    const failure = error as { code: number; stderr: string }
    return { code: failure.code, stderr: failure.stderr }
  }
  throw new Error(`flukeprint ${args.join(' ')} succeeded`)
}

describe('flukeprint engine commands', () => {
  let work = ''
  let data = ''
  let model = ''
  let labels = new Map<string, string>()

  beforeAll(async () => {
    work = await tempDir()
    data = join(work, 'demo')
    model = join(work, 'model')
    await flukeprint('demo', '--out', data, '--individuals', '6', '--photos', '3-4', '--new', '2')
    const csv = (await readFile(join(data, 'train.csv'), 'utf8')).trim().split('\n').slice(1)
    labels = new Map(csv.map((line) => line.split(',') as [string, string]))
    const trained = JSON.parse(
      await flukeprint('train', '--data', data, '--out', model, '--epochs', '1')
    ) as { id: string; steps: number; stoppedBecause: string }
    expect(trained.steps).toBeGreaterThan(0)
    expect(trained.stoppedBecause).toBe('finished')
  }, 240_000)

  it('evaluates leave-one-out on a folder and prints the scores as JSON', async () => {
    const scores = JSON.parse(
      await flukeprint('evaluate', '--model', model, '--data', data, '--json')
    ) as Record<string, number>
    expect(scores.queries).toBe(labels.size)
    for (const key of ['map5', 'top1', 'top5']) {
      expect(scores[key]).toBeGreaterThanOrEqual(0)
      expect(scores[key]).toBeLessThanOrEqual(1)
    }
    // The scores themselves are judged on real data in bench/identify.ts; whole demo photos
    // after one epoch rank near chance, so here only their form is checked.
  }, 120_000)

  it('embeds every image under a folder, one JSON line each, paths relative with /', async () => {
    const out = join(work, 'emb.jsonl')
    await flukeprint('embed', '--model', model, '--images', data, '--out', out)
    const lines = (await readFile(out, 'utf8')).trim().split('\n')
    const rows = lines.map((line) => JSON.parse(line) as { image: string; vector: number[] })
    // The demo keeps its unlabelled photos in new/, beside images/: both are read.
    const files = (await readdir(data, { recursive: true })).filter((f) => f.endsWith('.jpg'))
    expect(files.some((f) => f.startsWith('new/'))).toBe(true)
    expect(rows.map((r) => r.image).sort()).toEqual(files.sort())
    const length = rows[0]?.vector.length ?? 0
    expect(length).toBeGreaterThan(8)
    expect(rows.every((r) => r.vector.length === length && r.vector.every(Number.isFinite))).toBe(
      true
    )
  }, 120_000)

  it('matches a photo against a catalogue: its own whale first, five ids to submit', async () => {
    const catalog = join(work, 'catalogue')
    const csv = join(data, 'train.csv')
    await flukeprint('import', '--catalog', catalog, '--csv', csv, '--images', join(data, 'images'))
    const [image, whale] = [...labels][0] ?? ['', '']
    const result = JSON.parse(
      await flukeprint(
        'match',
        '--model',
        model,
        '--catalog',
        catalog,
        '--image',
        join(data, 'images', image),
        '--json'
      )
    ) as { candidates: { name: string; score: number; fileName: string }[]; prediction: string[] }
    // The photo is in the catalogue with the same proposed box: it finds itself.
    expect(result.candidates[0]).toMatchObject({ name: whale, fileName: image })
    expect(result.candidates[0]?.score).toBeCloseTo(1, 3)
    expect(result.prediction).toHaveLength(5)
    expect(result.prediction[0]).toBe(whale)
  }, 120_000)

  it('writes a Kaggle submission: every test image with five ids', async () => {
    const out = join(work, 'submission.csv')
    const test = join(data, 'images')
    await flukeprint('submit', '--model', model, '--train', data, '--test', test, '--out', out)
    const [header, ...rows] = (await readFile(out, 'utf8')).trim().split('\n')
    expect(header).toBe('Image,Id')
    expect(rows).toHaveLength((await readdir(test)).length)
    const known = new Set([...labels.values(), 'new_whale'])
    for (const row of rows) {
      const ids = row.split(',')[1]?.split(' ') ?? []
      expect(ids).toHaveLength(5)
      expect(ids.every((id) => known.has(id))).toBe(true)
    }
  }, 120_000)

  it('refuses a bad option with a clear message and a non-zero exit', async () => {
    const bad = await failing('train', '--data', data, '--out', join(work, 'x'), '--loss', 'best')
    expect(bad.code).not.toBe(0)
    expect(bad.stderr).toMatch(/--loss/)
    const limit = await failing(
      'match',
      '--model',
      model,
      '--catalog',
      data,
      '--image',
      'x',
      '--limit',
      '0'
    )
    expect(limit.stderr).toMatch(/--limit must be a whole number/)
  }, 60_000)
})
