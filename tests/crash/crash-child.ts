// The process the crash harness kills. It works on a catalogue through the same doors the app
// uses (AppCore, the contract's handlers, dispatch) and prints "ack <json>" only after the
// awaited request returned: what the UI would have been told was saved.
// Usage: node --import tsx crash-child.ts decide|train DIR SEED
import { createHandlers } from '../../src/main/api/handlers'
import { dispatch } from '../../src/main/api/dispatch'
import { AppCore } from '../../src/main/core/app-core'
import type { Args, RequestName, Result } from '../../src/shared/contract'

const [mode = '', dir = '', seedText = '1'] = process.argv.slice(2)
const core = new AppCore({ app: `crash harness child (${mode})` })
const handlers = createHandlers(core, {
  host: 'web',
  version: '0.0.0',
  defaultCatalogPath: dir,
  defaultDemoPath: dir
})

async function call<K extends RequestName>(name: K, args: Args<K>): Promise<Result<K>> {
  const reply = await dispatch(handlers, name, args)
  if (!reply.ok) throw new Error(`${name}: ${reply.body.error}`)
  return reply.result
}

// process.stdout on a pipe is written synchronously on Linux: once this returns, the line is the
// parent's even if the process is killed the next instant.
const ack = (what: Record<string, unknown>) => process.stdout.write(`ack ${JSON.stringify(what)}\n`)

let seed = Number(seedText) || 1
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(random() * items.length)]

async function decideForever(): Promise<void> {
  for (let step = 0; step < 100_000; step++) {
    const queue = await call('review.queue', { filter: {} })
    const individuals = core.requireCatalog().data.individuals
    const roll = random()
    const item = pick(queue.items)
    if (!item || roll < 0.15) {
      const undone = await call('review.undo', {})
      if (undone) ack({ op: 'undo', id: undone.id })
      continue
    }
    const query = item.annotationId
    if (individuals.length < 3 || roll < 0.35) {
      const made = await call('review.newIndividual', { queryAnnotationId: query, name: null })
      ack({ op: 'decide', id: made.id, verdict: 'new', query, individual: made.individualId })
      continue
    }
    const verdict = roll < 0.75 ? 'same' : roll < 0.9 ? 'different' : 'unsure'
    const individual = pick(individuals)?.id ?? ''
    const made = await call('review.decide', {
      queryAnnotationId: query,
      verdict,
      individualId: individual,
      candidateAnnotationId: null
    })
    ack({ op: 'decide', id: made.id, verdict, query, individual })
  }
}

async function settle(): Promise<void> {
  for (;;) {
    const active = core.jobs.list().filter((j) => j.state === 'queued' || j.state === 'running')
    if (active.length === 0) return
    for (const job of active) {
      const done = await core.jobs.wait(job.id)
      if (done.state === 'failed') throw new Error(`${done.title}: ${done.error ?? ''}`)
    }
  }
}

async function trainForever(minutes: number): Promise<void> {
  for (;;) {
    const { jobId } = await call('models.train', { minutes })
    const job = await core.jobs.wait(jobId)
    const id = job.result?.modelId
    if (job.state !== 'done' || !id) throw new Error(`training ${job.state}: ${job.error ?? ''}`)
    ack({ op: 'model', id })
    if (core.requireCatalog().data.currentModelId === id) ack({ op: 'current', id })
    await settle()
    if (core.requireCatalog().data.currentModelId !== id) {
      await call('models.setCurrent', { id })
      ack({ op: 'current', id })
      await settle()
    }
  }
}

try {
  await call('catalog.open', { path: dir, create: false })
  process.stdout.write('ready\n')
  if (mode === 'decide') await decideForever()
  else if (mode === 'train') await trainForever(Number(process.env.CRASH_TRAIN_MINUTES ?? 0.03))
  else throw new Error(`unknown mode ${mode}`)
} catch (error) {
  process.stdout.write(`error ${(error as Error).message}\n`)
  process.exitCode = 1
}
