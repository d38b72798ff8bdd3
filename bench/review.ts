// How fast the review screen answers a key press on a large catalogue: a catalogue of
// --annotations fluke annotations (default 5,000) from a Kaggle-layout dataset, of which
// --queries are unassigned, matched with the built-in model. Measured in Debian's Chromium
// against the web host, from the key press to the screen showing its result:
//   J (next candidate)    the next candidate is selected (client only)
//   U (unsure, next photo) the next photo's ranked candidates are on screen (a catalogue write
//                          and a ranking over every annotation on the server)
// plus the server's own time for the two requests behind them.
// Usage: npx tsx bench/review.ts [--data DIR] [--annotations 5000] [--queries 200] [--presses 40]
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { chromium } from '@playwright/test'
import { TOKEN_HEADER } from '../src/main/web/guards'
import { startWebServices } from '../src/main/web/start'

const { values } = parseArgs({
  options: {
    data: {
      type: 'string',
      default: join(import.meta.dirname, '../../shared/datasets/omniglot_background_400')
    },
    annotations: { type: 'string', default: '5000' },
    queries: { type: 'string', default: '200' },
    presses: { type: 'string', default: '40' },
    work: { type: 'string', default: '/tmp/fp-bench-review' }
  }
})
const total = Number(values.annotations)
const queries = Number(values.queries)
const presses = Number(values.presses)
const data = resolve(values.data ?? '')
const work = resolve(values.work ?? '')

async function subsetCsv(): Promise<string> {
  const rows = (await readFile(join(data, 'train.csv'), 'utf8')).trim().split(/\r?\n/).slice(1)
  if (rows.length < total) throw new Error(`${data} has ${rows.length} images, ${total} wanted`)
  // Every 25th row becomes an unknown until there are enough queries: spread over the whales.
  let unknown = 0
  const chosen = rows.slice(0, total).map((row, i) => {
    const [image] = row.split(',')
    if (i % 25 === 0 && unknown < queries) {
      unknown += 1
      return `${image},new_whale`
    }
    return row
  })
  const csv = join(work, `subset-${total}.csv`)
  await mkdir(work, { recursive: true })
  await writeFile(csv, `Image,Id\n${chosen.join('\n')}\n`)
  return csv
}

const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number) =>
    sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN
  return {
    median: +at(0.5).toFixed(1),
    p95: +at(0.95).toFixed(1),
    max: +at(1).toFixed(1),
    n: ms.length
  }
}

const csv = await subsetCsv()
const token = 'bench-review-token'
const services = await startWebServices({
  catalogPath: join(work, `catalogue-${total}`),
  port: 0,
  host: '127.0.0.1',
  token
})
const { core } = services
const settle = async () => {
  for (;;) {
    const active = core.jobs.list().filter((j) => j.state === 'queued' || j.state === 'running')
    if (active.length === 0) return
    for (const job of active) {
      const done = await core.jobs.wait(job.id)
      if (done.state !== 'done') throw new Error(`${done.title}: ${done.state} ${done.error ?? ''}`)
    }
  }
}
const catalog = core.requireCatalog()
if (catalog.data.annotations.length === 0) {
  process.stderr.write(`importing ${total} photos…\n`)
  core.startKaggleImport(csv, join(data, 'images'))
  await settle()
}
if (!catalog.data.currentModelId) {
  process.stderr.write('embedding with the built-in model…\n')
  core.startTraining(0)
  await settle()
}
const base = services.url.replace(/\/\?token=.*$/, '')
const api = async (name: string, args: unknown) => {
  const started = performance.now()
  const reply = await fetch(`${base}/api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
    body: JSON.stringify(args)
  })
  if (!reply.ok) throw new Error(`${name}: ${await reply.text()}`)
  return { ms: performance.now() - started, body: (await reply.json()) as unknown }
}

// Server side: ranking and one decision write, over HTTP on the same machine.
const queue = (await api('review.queue', { filter: {} })).body as {
  items: { annotationId: string }[]
}
const rankMs: number[] = []
for (const item of queue.items.slice(0, presses)) {
  rankMs.push((await api('review.candidates', { annotationId: item.annotationId, limit: 5 })).ms)
}

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
})
const page = await browser.newPage({ viewport: { width: 1360, height: 860 } })
await page.goto(`${services.url}#/review`)
await page.getByTestId('candidate').first().waitFor({ timeout: 120_000 })
/**
 * Time from the key press to the first animation frame in which the screen shows its result,
 * measured inside the page (no Playwright round trip). A pause before each press stands for
 * the seconds a biologist looks at the photos.
 */
// Plain JavaScript in a string: tsx would wrap named functions in a helper the page lacks.
const PROBE = `([key, waitFor]) => new Promise((resolve) => {
  const selected = () => document.querySelector('[data-testid="candidate"][data-selected]')?.getAttribute('data-individual')
  const list = () => document.querySelector('[data-testid="candidates"]')
  const before = waitFor === 'next-candidate' ? selected() : list()?.getAttribute('data-query')
  const done = () => waitFor === 'next-candidate'
    ? selected() !== before
    : list()?.getAttribute('data-query') !== before && list()?.querySelector('[data-testid="candidate"]') !== null
  const started = performance.now()
  const check = () => (done() ? resolve(performance.now() - started) : requestAnimationFrame(check))
  window.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }))
  requestAnimationFrame(check)
})`
const press = async (key: string, waitFor: 'next-candidate' | 'next-photo') => {
  await page.waitForTimeout(500)
  return page.evaluate<number>(`(${PROBE})(${JSON.stringify([key, waitFor])})`)
}
const nextCandidateMs: number[] = []
const decisionMs: number[] = []
for (let i = 0; i < presses; i++) {
  nextCandidateMs.push(await press('j', 'next-candidate'))
  decisionMs.push(await press('u', 'next-photo'))
}
await browser.close()
await services.stop()
console.log(
  JSON.stringify({
    annotations: catalog.data.annotations.length,
    unassigned: queue.items.length,
    serverRankMs: stats(rankMs),
    keyNextCandidateMs: stats(nextCandidateMs),
    keyUnsureToNextPhotoMs: stats(decisionMs)
  })
)
