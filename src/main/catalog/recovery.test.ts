import { readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/fixtures/images'
import { coreWithHandlers } from '../../../tests/fixtures/handlers'
import { dispatch } from '../api/dispatch'
import { CATALOG_FILE, Catalog } from './catalog'
import { inspectCatalog } from './recovery'

const DAMAGED = '{"schemaVersion": 2, "photos": [{"id": "p1", "ha'

/** A catalogue with one individual, backed up, whose file is then cut off mid-write. */
async function damagedCatalogue() {
  const dir = await tempDir()
  const catalog = await Catalog.open(dir, { create: true })
  await catalog.update((data) =>
    data.individuals.push({
      id: 'i1',
      name: 'Salt',
      notes: '',
      createdAt: 'now',
      mergedIntoId: null
    })
  )
  await catalog.backup()
  await catalog.close()
  await writeFile(join(dir, CATALOG_FILE), DAMAGED)
  return dir
}

describe('restoring a damaged catalogue from a backup', () => {
  it('treats a missing catalog.json beside good backups as damaged, never as a new catalogue', async () => {
    const dir = await damagedCatalogue()
    await rm(join(dir, CATALOG_FILE))
    const backupsBefore = await readdir(join(dir, 'backups'))
    // Even an open that may create a catalogue is refused, naming the backup.
    const error = await Catalog.open(dir, { create: true }).catch((e: Error) => e)
    expect((error as Error).message).toMatch(/file is missing, but the folder holds backups/)
    expect(await readdir(dir)).not.toContain(CATALOG_FILE)
    expect(await readdir(join(dir, 'backups'))).toEqual(backupsBefore)
    // The user restores the backup; the catalogue is back as it was.
    const { handlers } = coreWithHandlers()
    const found = await dispatch(handlers, 'catalog.recovery', { path: dir })
    if (!found.ok) throw new Error(found.body.error)
    const backup = (found.result as { backup: { name: string } }).backup.name
    const restored = await dispatch(handlers, 'catalog.restoreBackup', { path: dir, backup })
    if (!restored.ok) throw new Error(restored.body.error)
    expect(restored.result).toMatchObject({ catalog: { stats: { individuals: 1 } } })
  })

  it('reports the file, the reason and the newest good backup with its counts', async () => {
    const dir = await damagedCatalogue()
    const recovery = await inspectCatalog(dir)
    expect(recovery?.file).toBe(join(dir, CATALOG_FILE))
    expect(recovery?.reason).toMatch(/not valid JSON/)
    expect(recovery?.backup?.name).toMatch(/^catalog-.*\.json$/)
    expect(recovery?.backup?.stats).toMatchObject({ individuals: 1, photos: 0 })
    expect(Date.parse(recovery?.backup?.takenAt ?? '')).toBeGreaterThan(Date.now() - 60_000)
    // The open error carries the same facts, and nothing was written.
    await expect(Catalog.open(dir, { create: false })).rejects.toThrow(
      recovery?.backup?.path ?? '?'
    )
    expect(await readFile(join(dir, CATALOG_FILE), 'utf8')).toBe(DAMAGED)
  })

  it('restores only when asked, keeping the damaged file beside it', async () => {
    const dir = await damagedCatalogue()
    const { core, handlers } = coreWithHandlers()
    const open = await dispatch(handlers, 'catalog.open', { path: dir, create: false })
    expect(open).toMatchObject({ ok: false, body: { code: 'conflict' } })
    const found = await dispatch(handlers, 'catalog.recovery', { path: dir })
    if (!found.ok) throw new Error(found.body.error)
    const backup = (found.result as { backup: { name: string } }).backup.name
    const restored = await dispatch(handlers, 'catalog.restoreBackup', { path: dir, backup })
    if (!restored.ok) throw new Error(restored.body.error)
    const { catalog, damagedKeptAs } = restored.result as {
      catalog: { stats: { individuals: number } }
      damagedKeptAs: string
    }
    expect(catalog.stats.individuals).toBe(1)
    expect(core.catalog?.data.individuals[0]?.name).toBe('Salt')
    expect(damagedKeptAs).toMatch(/catalog\.damaged-.*\.json$/)
    expect(await readFile(damagedKeptAs, 'utf8')).toBe(DAMAGED)
    // The catalogue is healthy now: a second restore is refused rather than overwriting it.
    const again = await dispatch(handlers, 'catalog.restoreBackup', { path: dir, backup })
    expect(again).toMatchObject({ ok: false, body: { code: 'conflict' } })
    expect(await inspectCatalog(dir)).toBeNull()
    await core.closeCatalog()
  })

  it('accepts only backup file names, never paths', async () => {
    const dir = await damagedCatalogue()
    const { handlers } = coreWithHandlers()
    for (const backup of [
      '../catalog.json',
      '/etc/passwd',
      'catalog-x/../../a.json',
      'other.json'
    ]) {
      const outcome = await dispatch(handlers, 'catalog.restoreBackup', { path: dir, backup })
      expect(outcome).toMatchObject({ ok: false, body: { code: 'invalid-argument' } })
    }
    const missing = await dispatch(handlers, 'catalog.restoreBackup', {
      path: dir,
      backup: 'catalog-1999.json'
    })
    expect(missing).toMatchObject({ ok: false, body: { code: 'not-found' } })
    expect(await readFile(join(dir, CATALOG_FILE), 'utf8')).toBe(DAMAGED)
    expect((await readdir(dir)).filter((n) => n.startsWith('catalog.damaged'))).toEqual([])
  })

  it('says so when there is no good backup', async () => {
    const dir = await tempDir()
    await writeFile(join(dir, CATALOG_FILE), '{"schemaVersion": 99}')
    const recovery = await inspectCatalog(dir)
    expect(recovery?.reason).toMatch(/newer Flukeprint/)
    expect(recovery?.backup).toBeNull()
    await expect(Catalog.open(dir, { create: false })).rejects.toThrow(/No good backup was found/)
  })
})
