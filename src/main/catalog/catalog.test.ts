import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/fixtures/images'
import { BACKUPS_KEPT } from './backups'
import { CATALOG_FILE, Catalog, emptyCatalog } from './catalog'
import { CATALOG_SCHEMA_VERSION, type CatalogData } from '../../shared/domain'

async function writeCatalog(dir: string, data: unknown) {
  await mkdir(dir, { recursive: true })
  await writeFile(join(dir, CATALOG_FILE), JSON.stringify(data))
}

describe('Catalog', () => {
  it('creates an empty, valid catalogue and opens it again', async () => {
    const dir = join(await tempDir(), 'new catalogue')
    const created = await Catalog.open(dir, { create: true })
    const reopened = await Catalog.open(dir, { create: false })
    expect(reopened.data.catalogId).toBe(created.data.catalogId)
    expect(reopened.data.photos).toEqual([])
  })

  it('refuses to open a folder without a catalogue unless asked to create one', async () => {
    const dir = await tempDir()
    await expect(Catalog.open(dir, { create: false })).rejects.toThrow(/no Flukeprint catalogue/)
    await expect(Catalog.open(join(dir, 'missing'), { create: false })).rejects.toThrow(
      /does not exist/
    )
  })

  it('reports a damaged file with its path and the newest good backup, and changes nothing', async () => {
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
    const file = join(dir, CATALOG_FILE)
    await writeFile(file, '{"schemaVersion": 1, "photos": [')
    const error = await Catalog.open(dir, { create: false }).catch((e: Error) => e)
    expect(error).toBeInstanceOf(Error)
    expect((error as Error).message).toContain(file)
    expect((error as Error).message).toMatch(/not valid JSON/)
    expect((error as Error).message).toMatch(/backups[/\\]catalog-.*\.json/)
    expect(await readFile(file, 'utf8')).toBe('{"schemaVersion": 1, "photos": [')
  })

  it('rejects records that break the schema or point at missing records', async () => {
    const dir = await tempDir()
    const data = emptyCatalog()
    await writeCatalog(dir, { ...data, individuals: [{ id: 'x' }] })
    await expect(Catalog.open(dir, { create: false })).rejects.toThrow(
      /invalid record at individuals\.0/
    )
    const orphan = {
      id: 'a1',
      photoId: 'nope',
      box: { x: 0, y: 0, width: 1, height: 1 },
      rotation: 0,
      source: 'whole-image',
      viewpoint: null,
      quality: null,
      individualId: null,
      createdAt: 't',
      updatedAt: 't'
    }
    await writeCatalog(dir, { ...data, annotations: [orphan] })
    await expect(Catalog.open(dir, { create: false })).rejects.toThrow(/missing photo/)
  })

  it('refuses a catalogue written by a newer version', async () => {
    const dir = await tempDir()
    await writeCatalog(dir, { ...emptyCatalog(), schemaVersion: 99 })
    await expect(Catalog.open(dir, { create: false })).rejects.toThrow(/newer Flukeprint/)
  })

  it('lifts a version 1 catalogue to the current schema', async () => {
    const dir = await tempDir()
    const v1Decision = {
      id: 'd1',
      queryAnnotationId: 'a1',
      candidateIndividualId: 'i1',
      candidateAnnotationId: null,
      verdict: 'different',
      at: 't',
      modelId: null
    }
    const v1Model = { id: 'm1', createdAt: 't', kind: 'pretrained', dir: 'm1', scores: {} }
    await writeCatalog(dir, {
      ...emptyCatalog(),
      schemaVersion: 1,
      decisions: [v1Decision],
      models: [v1Model]
    })
    const catalog = await Catalog.open(dir, { create: false, readOnly: true })
    expect(catalog.data.schemaVersion).toBe(CATALOG_SCHEMA_VERSION)
    expect(catalog.data.decisions[0]).toEqual({
      ...v1Decision,
      assignmentId: null,
      createdIndividual: false,
      undoneAt: null
    })
    expect(catalog.data.models[0]).toEqual({ ...v1Model, comparedWith: null })
  })

  it('lifts a version 2 catalogue to version 3: individuals unmerged, an empty change log', async () => {
    const dir = await tempDir()
    const v2Individual = { id: 'i1', name: 'Nebula', notes: '', createdAt: 't' }
    const v2: Partial<CatalogData> = emptyCatalog()
    delete v2.changes
    await writeCatalog(dir, { ...v2, schemaVersion: 2, individuals: [v2Individual] })
    const catalog = await Catalog.open(dir, { create: false, readOnly: true })
    expect(catalog.data.schemaVersion).toBe(3)
    expect(catalog.data.individuals).toEqual([{ ...v2Individual, mergedIntoId: null }])
    expect(catalog.data.changes).toEqual([])
  })

  it('refuses an individual merged into a missing one or a merge loop', async () => {
    const individual = (id: string, mergedIntoId: string | null) => ({
      id,
      name: id,
      notes: '',
      createdAt: 't',
      mergedIntoId
    })
    const missing = await tempDir()
    await writeCatalog(missing, { ...emptyCatalog(), individuals: [individual('a', 'gone')] })
    await expect(Catalog.open(missing, { create: false })).rejects.toThrow(/missing one/)
    const loop = await tempDir()
    const pair = [individual('a', 'b'), individual('b', 'a')]
    await writeCatalog(loop, { ...emptyCatalog(), individuals: pair })
    await expect(Catalog.open(loop, { create: false })).rejects.toThrow(/merge loop/)
  })

  it('marks an import that was running when the process died as interrupted', async () => {
    const dir = await tempDir()
    const batch = {
      id: 'b1',
      kind: 'folder',
      source: '/x',
      label: 'x',
      startedAt: 't',
      finishedAt: null,
      state: 'running',
      added: 0,
      duplicates: 0,
      rejected: []
    }
    await writeCatalog(dir, { ...emptyCatalog(), batches: [batch] })
    const catalog = await Catalog.open(dir, { create: false })
    expect(catalog.data.batches[0]?.state).toBe('interrupted')
    const onDisk = JSON.parse(await readFile(join(dir, CATALOG_FILE), 'utf8')) as {
      batches: { state: string }[]
    }
    expect(onDisk.batches[0]?.state).toBe('interrupted')
  })

  it('keeps a bounded number of rotating backups', async () => {
    const dir = await tempDir()
    const catalog = await Catalog.open(dir, { create: true })
    for (let i = 0; i < BACKUPS_KEPT + 3; i++) await catalog.backup()
    expect((await readdir(join(dir, 'backups'))).length).toBe(BACKUPS_KEPT)
  })

  it('opens read-only without writing anything', async () => {
    const dir = await tempDir()
    await writeCatalog(dir, emptyCatalog())
    await Catalog.open(dir, { create: false, readOnly: true })
    expect(await readdir(dir)).toEqual([CATALOG_FILE])
  })
})
