// The review loop end to end through the contract: demo catalogue, retrain, candidates,
// decisions, undo, and the catalogue on disk after a reopen.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/fixtures/images'
import { dispatch } from '../api/dispatch'
import { Catalog } from '../catalog/catalog'
import { coreWithHandlers } from '../../../tests/fixtures/handlers'
import { generateDemoDataset } from '../demo'
import type { Args, RequestName, Result } from '../../shared/contract'

const { core, handlers } = coreWithHandlers()

async function call<K extends RequestName>(name: K, args: Args<K>): Promise<Result<K>> {
  const reply = await dispatch(handlers, name, args)
  if (!reply.ok) throw new Error(reply.body.error)
  return reply.result
}

async function settle(): Promise<void> {
  // A job may queue another (training queues the embedding): wait until none is left.
  for (;;) {
    const active = core.jobs.list().filter((j) => j.state === 'queued' || j.state === 'running')
    if (active.length === 0) return
    for (const job of active) await core.jobs.wait(job.id)
  }
}

let dir: string
let truth: Map<
  string,
  { individual: string; box: { x: number; y: number; width: number; height: number } }
>

beforeAll(async () => {
  dir = join(await tempDir(), 'catalogue')
  await call('catalog.openDemo', { path: dir })
  await settle()
  const photos = JSON.parse(await readFile(join(dir, 'demo-photos', 'truth.json'), 'utf8')) as {
    file: string
    individual: string
    box: { x: number; y: number; width: number; height: number }
  }[]
  truth = new Map(photos.map((p) => [p.file.split('/').pop() ?? '', p]))
}, 120_000)

describe('review and retrain on the demo catalogue', () => {
  it('asks for a model before it can suggest matches', async () => {
    const queue = await call('review.queue', { filter: {} })
    expect(queue.items.length).toBe(12)
    const reply = await dispatch(handlers, 'review.candidates', {
      annotationId: queue.items[0]?.annotationId,
      limit: 5
    })
    expect(reply).toMatchObject({ ok: false, body: { code: 'conflict' } })
    expect(!reply.ok && reply.body.error).toMatch(/no model yet/i)
  })

  it(
    'puts the true whale in the top 5 for most queries after retraining on corrected boxes',
    { timeout: 300_000 },
    async () => {
      // What a biologist does first: correct the crops (here, to the demo's true boxes).
      await core.requireCatalog().update((data) => {
        for (const annotation of data.annotations) {
          const photo = data.photos.find((p) => p.id === annotation.photoId)
          const box = truth.get(photo?.fileName ?? '')?.box
          if (box) Object.assign(annotation, { box: { ...box }, source: 'corrected' })
        }
      })
      const { jobId } = await call('models.train', { minutes: 0.5 })
      await settle()
      expect(core.jobs.get(jobId)).toMatchObject({ state: 'done' })
      const [model] = await call('models.list', {})
      expect(model).toMatchObject({ current: true, kind: 'pretrained' })
      expect(model?.steps).toBeGreaterThan(10)

      const queue = await call('review.queue', { filter: {} })
      let inTop5 = 0
      for (const item of queue.items) {
        const list = await call('review.candidates', { annotationId: item.annotationId, limit: 5 })
        expect(list.candidates).toHaveLength(5)
        const names = list.candidates.map((c) => c.name)
        if (names.includes(truth.get(item.fileName)?.individual ?? '?')) inTop5 += 1
      }
      // 12 known whales: a random ranking puts the truth in the top 5 for 5 in 12 queries.
      expect(inTop5 / queue.items.length).toBeGreaterThanOrEqual(0.75)
    }
  )

  it(
    'records same, different and undo, and they survive a reopen',
    { timeout: 60_000 },
    async () => {
      const queue = await call('review.queue', { filter: {} })
      const [first, second, third] = queue.items
      if (!first || !second || !third) throw new Error('queue too short')
      const top = async (annotationId: string) =>
        (await call('review.candidates', { annotationId, limit: 5 })).candidates
      const firstTop = (await top(first.annotationId))[0]
      const secondTop = (await top(second.annotationId))[0]
      if (!firstTop || !secondTop) throw new Error('no candidates')

      await call('review.decide', {
        queryAnnotationId: first.annotationId,
        verdict: 'same',
        individualId: firstTop.individualId,
        candidateAnnotationId: firstTop.annotationId
      })
      await call('review.decide', {
        queryAnnotationId: second.annotationId,
        verdict: 'different',
        individualId: secondTop.individualId,
        candidateAnnotationId: secondTop.annotationId
      })
      // A rejected individual is not offered again for that query.
      expect((await top(second.annotationId)).map((c) => c.individualId)).not.toContain(
        secondTop.individualId
      )
      const created = await call('review.newIndividual', {
        queryAnnotationId: third.annotationId,
        name: null
      })
      expect(created.individualName).toMatch(/^FP-\d{4}-001$/)
      const undone = await call('review.undo', {})
      expect(undone).toMatchObject({ verdict: 'new', queryAnnotationId: third.annotationId })
      expect((await call('review.queue', { filter: {} })).items).toHaveLength(11)

      const reopened = await Catalog.open(dir, { create: false, readOnly: true })
      const annotation = (id: string) => reopened.data.annotations.find((a) => a.id === id)
      expect(annotation(first.annotationId)?.individualId).toBe(firstTop.individualId)
      expect(annotation(second.annotationId)?.individualId).toBeNull()
      expect(annotation(third.annotationId)?.individualId).toBeNull()
      expect(reopened.data.individuals.some((i) => i.name.startsWith('FP-'))).toBe(false)
      expect(reopened.data.decisions.map((d) => [d.verdict, d.undoneAt !== null])).toEqual([
        ['same', false],
        ['different', false],
        ['new', true]
      ])
      const history = await call('individuals.get', { id: firstTop.individualId })
      expect(history.history[0]).toMatchObject({ by: 'user', note: 'confirmed match', from: null })
    }
  )

  it(
    'embeds a changed box again as a job, and the crop used for matching follows it',
    { timeout: 120_000 },
    async () => {
      const catalog = core.requireCatalog()
      const session = await core.session()
      await session.refresh(catalog)
      const annotation = catalog.data.annotations[0]
      if (!annotation) throw new Error('no annotation')
      const before = (await session.vectorsById(catalog)).get(annotation.id)
      const { x, y, width, height } = annotation.box
      // The left half of the fluke only: a different crop, so a different fingerprint.
      const box = { x, y, width: Math.round(width / 2), height }
      await call('annotations.update', {
        id: annotation.id,
        box,
        rotation: 0,
        quality: annotation.quality,
        viewpoint: annotation.viewpoint
      })
      const job = core.jobs.list().find((j) => j.kind === 'embed' && j.title.includes('changed'))
      expect(job).toBeDefined()
      await settle()
      expect(core.jobs.get(job?.id ?? '')?.state).toBe('done')
      const after = (await session.vectorsById(catalog)).get(annotation.id)
      expect(before).toBeDefined()
      expect(after).toBeDefined()
      const same = (before ?? []).every((v, i) => Math.abs(v - (after?.[i] ?? 0)) < 1e-6)
      expect(same).toBe(false)
      // And back: the same box gives the same fingerprint again.
      await call('annotations.update', {
        id: annotation.id,
        box: { x, y, width, height },
        rotation: annotation.rotation,
        quality: annotation.quality,
        viewpoint: annotation.viewpoint
      })
      await settle()
      const restored = (await session.vectorsById(catalog)).get(annotation.id)
      const back = (before ?? []).every((v, i) => Math.abs(v - (restored?.[i] ?? 0)) < 1e-4)
      expect(back).toBe(true)
    }
  )

  it('embeds newly imported photos with the model in use', { timeout: 120_000 }, async () => {
    const extra = await generateDemoDataset({
      outDir: join(await tempDir(), 'extra'),
      individuals: 2,
      photosPerIndividual: 1,
      newPhotos: 3,
      seed: 99
    })
    await call('import.folder', { folder: extra.newDir })
    await settle()
    const embed = core.jobs.list().find((j) => j.kind === 'embed')
    expect(embed).toMatchObject({ state: 'done', result: { embedded: 3 } })
  })

  it(
    'leaves the models and the model in use alone when a retrain is cancelled',
    { timeout: 120_000 },
    async () => {
      const before = structuredClone(core.requireCatalog().data.models)
      const inUse = core.requireCatalog().data.currentModelId
      const { jobId } = await call('models.train', { minutes: 5 })
      // Cancel once it is really training (past cropping), as a user would.
      await expect
        .poll(() => core.jobs.get(jobId)?.training !== null, { timeout: 60_000 })
        .toBe(true)
      await call('jobs.cancel', { id: jobId })
      await settle()
      expect(core.jobs.get(jobId)?.state).toBe('cancelled')
      expect(core.requireCatalog().data.models).toEqual(before)
      expect(core.requireCatalog().data.currentModelId).toBe(inUse)
      const folders = await readdir(join(dir, 'models'))
      expect(folders.sort()).toEqual(before.map((m) => m.dir).sort())
    }
  )

  it(
    'scores the model in use beside a new one on the same validation whales',
    { timeout: 300_000 },
    async () => {
      await call('models.train', { minutes: 0.2 })
      await settle()
      const [newest, previous] = await call('models.list', {})
      expect(newest?.current).toBe(false)
      expect(newest?.comparedWith).toBe(previous?.id)
      expect(newest?.scores.previousValidationMap5).toBeTypeOf('number')
      await call('models.setCurrent', { id: newest?.id ?? '' })
      await settle()
      expect((await call('models.list', {}))[0]?.current).toBe(true)
    }
  )
})
