// Faults the file system injects, simulated where a test cannot make them real: a disk that
// fills up during an import, a decision or a training run, and files the user may not read
// (real with chmod in image-files.test.ts, but a test running as root reads them anyway).
// Each time: a clear message, and the catalogue and the model in use exactly as before.
import type * as Fs from 'node:fs'
import type * as FsPromises from 'node:fs/promises'
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import type { ReviewQueue } from '../../src/shared/contract'
import { dispatch } from '../../src/main/api/dispatch'
import { Catalog } from '../../src/main/catalog/catalog'
import { folderImportRequest } from '../../src/main/import/import-requests'
import { runImport } from '../../src/main/import/importer'
import { trainingCatalogue } from '../crash/harness'
import { coreWithHandlers } from '../fixtures/handlers'
import { tempDir, writePhoto } from '../fixtures/images'
import { testContext } from '../fixtures/run-job'

const faults = vi.hoisted(() => ({
  /** Catalogue writes that still succeed; then every write fails with ENOSPC. */
  catalogWritesLeft: Infinity,
  /** Files created for a model fail with ENOSPC. */
  modelDiskFull: false,
  /** Paths whose reads fail with EACCES. */
  unreadable: new Set<string>()
}))

const enospc = () =>
  Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
const eacces = (path: string) =>
  Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' })

vi.mock('write-file-atomic', async (importOriginal) => {
  const real = (await importOriginal<{ default: (...args: unknown[]) => Promise<void> }>()).default
  return {
    default: (...args: unknown[]) => {
      if (faults.catalogWritesLeft <= 0) return Promise.reject(enospc())
      faults.catalogWritesLeft -= 1
      return real(...args)
    }
  }
})

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>()
  const open: typeof real.open = (path, flags, mode) =>
    faults.modelDiskFull && flags === 'w' && String(path).includes('.tmp-')
      ? Promise.reject(enospc())
      : real.open(path, flags, mode)
  const opendir: typeof real.opendir = (path, options) =>
    faults.unreadable.has(String(path))
      ? Promise.reject(eacces(String(path)))
      : real.opendir(path, options)
  const patched = { ...real, open, opendir }
  return { ...patched, default: patched }
})

vi.mock('node:fs', async (importOriginal) => {
  const real = await importOriginal<typeof Fs>()
  const { Readable } = await import('node:stream')
  const createReadStream = ((path: string, options?: unknown) => {
    if (!faults.unreadable.has(String(path)))
      return real.createReadStream(path, options as undefined)
    const stream = new Readable({ read: () => undefined })
    process.nextTick(() => stream.destroy(eacces(String(path))))
    return stream
  }) as typeof real.createReadStream
  const patched = { ...real, createReadStream }
  return { ...patched, default: patched }
})

async function photoFolder(count: number): Promise<string> {
  const folder = await tempDir()
  for (let i = 0; i < count; i++) await writePhoto(join(folder, `IMG_${i}.jpg`), { seed: i + 1 })
  return folder
}

describe('a disk that fills up', () => {
  it('stops an import with a clear message; the import can be run again', async () => {
    const dir = await tempDir()
    const folder = await photoFolder(4)
    const catalog = await Catalog.open(dir, { create: true })
    const file = join(dir, 'catalog.json')
    const before = await readFile(file, 'utf8')

    faults.catalogWritesLeft = 0
    await expect(
      runImport(catalog, await folderImportRequest(folder), testContext().context)
    ).rejects.toThrow(/The disk is full: the change was not saved and .*catalog\.json is as it was/)
    expect(await readFile(file, 'utf8')).toBe(before)
    expect(catalog.data.batches).toEqual([])

    // Full after the import's batch was recorded: its photos are not, and the batch is marked
    // interrupted on the next open; nothing half-written.
    faults.catalogWritesLeft = 1
    await expect(
      runImport(catalog, await folderImportRequest(folder), testContext().context)
    ).rejects.toThrow(/disk is full/)
    expect(catalog.data.photos).toEqual([])
    await catalog.close()
    faults.catalogWritesLeft = Infinity
    const reopened = await Catalog.open(dir, { create: false })
    expect(reopened.data.photos).toEqual([])
    expect(reopened.data.batches.map((b) => b.state)).toEqual(['interrupted'])

    // Space freed: the same import now brings every photo in.
    const result = await runImport(
      reopened,
      await folderImportRequest(folder),
      testContext().context
    )
    expect(result.added).toBe(4)
    await reopened.close()
  })

  it('refuses a review decision with a clear message and keeps the fluke in the queue', async () => {
    const dir = await tempDir()
    const { core, handlers } = coreWithHandlers()
    const catalog = await core.openCatalog(dir, true)
    await runImport(catalog, await folderImportRequest(await photoFolder(2)), testContext().context)
    const before = await readFile(join(dir, 'catalog.json'), 'utf8')
    const [first] = catalog.data.annotations
    faults.catalogWritesLeft = 0
    const reply = await dispatch(handlers, 'review.newIndividual', {
      queryAnnotationId: first?.id,
      name: 'Salt'
    })
    faults.catalogWritesLeft = Infinity
    expect(reply).toMatchObject({ ok: false, body: { code: 'conflict' } })
    expect(!reply.ok && reply.body.error).toMatch(/disk is full/)
    // Neither the file nor what the app shows has the decision or the new individual.
    expect(await readFile(join(dir, 'catalog.json'), 'utf8')).toBe(before)
    expect(core.requireCatalog().data.individuals).toEqual([])
    expect(core.requireCatalog().data.decisions).toEqual([])
    const queue = await dispatch(handlers, 'review.queue', { filter: {} })
    expect(queue.ok && (queue.result as ReviewQueue).items.length).toBe(2)
    // The next decision, with space again, is saved alone.
    const again = await dispatch(handlers, 'review.newIndividual', {
      queryAnnotationId: first?.id,
      name: 'Salt'
    })
    expect(again.ok).toBe(true)
    await core.closeCatalog()
    const onDisk = await Catalog.open(dir, { create: false, readOnly: true })
    expect(onDisk.data.decisions).toHaveLength(1)
  })

  it(
    'fails a training run while saving the model; catalogue and models unchanged',
    { timeout: 180_000 },
    async () => {
      const dir = await tempDir()
      await trainingCatalogue(dir, 5)
      const catalogue = join(dir, 'catalogue')
      const { core } = coreWithHandlers()
      await core.openCatalog(catalogue, false)
      const before = await readFile(join(catalogue, 'catalog.json'), 'utf8')
      faults.modelDiskFull = true
      try {
        const job = await core.jobs.wait(core.startTraining(0.02).id)
        expect(job.state).toBe('failed')
        expect(job.error).toMatch(/The disk is full: the model was not saved/)
      } finally {
        faults.modelDiskFull = false
      }
      expect(await readFile(join(catalogue, 'catalog.json'), 'utf8')).toBe(before)
      expect(core.requireCatalog().data.models).toEqual([])
      expect(core.requireCatalog().data.currentModelId).toBeNull()
      expect(await readdir(join(catalogue, 'models')).catch(() => [])).toEqual([])
      await core.closeCatalog()
    }
  )
})

describe('files the user may not read (simulated: tests may run as root)', () => {
  it('names the file and the folder, and imports the rest', async () => {
    const folder = await photoFolder(2)
    await writePhoto(join(folder, 'locked folder', 'c.jpg'), { seed: 9 })
    faults.unreadable.add(join(folder, 'IMG_1.jpg'))
    faults.unreadable.add(join(folder, 'locked folder'))
    try {
      const catalog = await Catalog.open(await tempDir(), { create: true })
      const result = await runImport(
        catalog,
        await folderImportRequest(folder),
        testContext().context
      )
      expect(result.added).toBe(1)
      const reasons = Object.fromEntries((result.rejected ?? []).map((r) => [r.file, r.reason]))
      expect(reasons['IMG_1.jpg']).toBe('permission denied: the file cannot be read')
      expect(reasons['locked folder']).toMatch(/cannot read the folder \(EACCES/)
      await catalog.close()
    } finally {
      faults.unreadable.clear()
    }
  })
})
