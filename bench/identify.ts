// Identification quality side by side: Flukeprint's models and the seed's PyTorch reference,
// trained for the same wall-clock minutes on the same identity-disjoint split, scored by the
// judge (../shared/reference/evaluate.py, leave-one-out on the unseen whales).
// Usage: npx tsx bench/identify.ts --data DIR [--minutes 10] [--runs default,random,...] [--work /tmp/fp-identify]
// A run may add train options joined by '+': --runs default,branch-batch-hard+--lr+3e-4
// Prints one JSON line per run; run bench/split-dataset.ts first is not needed: it splits itself.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync } from 'node:fs'
import { basename, join, resolve } from 'node:path'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    minutes: { type: 'string', default: '10' },
    runs: {
      type: 'string',
      default:
        'pixels,default,pretrained-random,branch-batch-hard,branch-batch-all,branch-random,reference-batch-hard,reference-random'
    },
    work: { type: 'string', default: '/tmp/fp-identify' }
  }
})
if (!values.data) throw new Error('--data DIR is required (a Kaggle-layout folder)')
const root = resolve(import.meta.dirname, '..')
const reference = resolve(root, '../shared/reference')
const data = resolve(values.data)
const work = join(resolve(values.work), basename(data))
const minutes = values.minutes ?? '10'
mkdirSync(work, { recursive: true })
const split = join(work, 'split')
if (!existsSync(join(split, 'test', 'train.csv'))) {
  execFileSync(
    'npx',
    [
      'tsx',
      join(root, 'bench/split-dataset.ts'),
      '--data',
      data,
      '--out',
      split,
      '--test',
      '0.2',
      '--seed',
      '0'
    ],
    { stdio: 'inherit' }
  )
}
const train = join(split, 'train')
const test = join(split, 'test')
const flukeprint = (...args: string[]) =>
  execFileSync(process.execPath, [join(root, 'bin/flukeprint.js'), ...args], {
    stdio: ['ignore', 'pipe', 'inherit']
  }).toString()
const python = (script: string, ...args: string[]) => {
  const result = spawnSync('/usr/bin/python3', [join(reference, script), ...args], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  if (result.status !== 0) throw new Error(`${script} failed`)
  return result.stdout.toString()
}
const judge = (emb: string) =>
  JSON.parse(python('evaluate.py', '--data', test, '--emb', emb)) as Record<string, number>

const FLUKEPRINT_RUNS: Record<string, string[]> = {
  default: [],
  'branch-batch-hard': ['--model', 'branch'],
  'branch-batch-all': ['--model', 'branch', '--loss', 'batch-all'],
  'branch-random': ['--model', 'branch', '--loss', 'random'],
  'pretrained-batch-all': ['--model', 'pretrained', '--loss', 'batch-all'],
  'pretrained-random': ['--model', 'pretrained', '--loss', 'random']
}

for (const run of (values.runs ?? '').split(',')) {
  const out = join(work, run)
  const started = Date.now()
  let emb: string
  if (run === 'pixels') {
    python('seed_reference.py', '--pixels', '32', '--embed', test, '--out', out)
    emb = join(out, 'emb_test.jsonl')
  } else if (run.startsWith('reference-')) {
    python(
      'seed_reference.py',
      '--train',
      train,
      '--minutes',
      minutes,
      '--mining',
      run.replace('reference-', ''),
      '--embed',
      test,
      '--out',
      out
    )
    emb = join(out, 'emb_test.jsonl')
  } else {
    // A named run, or one of them followed by '+'-joined train options:
    // branch-batch-hard+--lr+3e-4 is branch-batch-hard with --lr 3e-4.
    const [name = '', ...options] = run.split('+')
    const named = FLUKEPRINT_RUNS[name]
    if (!named) throw new Error(`unknown run ${name}`)
    const extra = [...named, ...options]
    const trained = JSON.parse(
      flukeprint(
        'train',
        '--data',
        train,
        '--out',
        join(out, 'model'),
        '--minutes',
        minutes,
        ...extra
      )
    ) as { steps: number }
    emb = join(out, 'emb_test.jsonl')
    flukeprint(
      'embed',
      '--model',
      join(out, 'model'),
      '--images',
      join(test, 'images'),
      '--out',
      emb
    )
    console.error(`${run}: ${trained.steps} steps`)
  }
  const scores = judge(emb)
  console.log(
    JSON.stringify({
      dataset: basename(data),
      run,
      minutes: run === 'pixels' ? 0 : Number(minutes),
      map5: scores.map5_known,
      top1: scores.top1,
      top5: scores.top5,
      map5WithNew: scores.map5_with_new,
      wallSeconds: Math.round((Date.now() - started) / 1000)
    })
  )
}
