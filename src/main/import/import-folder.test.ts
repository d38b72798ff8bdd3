import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir, writeMixedFolder, writePhoto } from '../../../tests/fixtures/images'
import { testContext } from '../../../tests/fixtures/run-job'
import { Catalog } from '../catalog/catalog'
import { catalogStats } from '../catalog/queries'
import { THUMB_SIZE } from '../images/limits'
import { cachedImagePath } from '../images/thumbnails'
import { folderImportRequest } from './import-requests'
import { runImport } from './importer'

describe('importing a folder', () => {
  let folder: string
  beforeAll(async () => {
    folder = join(await tempDir(), 'survey 2024 – “Gulf” ')
    await writeMixedFolder(folder)
  })

  it('imports the good photos and names every bad file with its reason', async () => {
    const catalog = await Catalog.open(await tempDir(), { create: true })
    const result = await runImport(
      catalog,
      await folderImportRequest(folder),
      testContext().context
    )
    expect(result.added).toBe(5)
    const reasons = Object.fromEntries((result.rejected ?? []).map((r) => [r.file, r.reason]))
    expect(Object.keys(reasons).sort()).toEqual([
      'bad/corrupt.jpg',
      'bad/empty.jpg',
      'bad/huge.png',
      'bad/notes.jpg',
      'bad/truncated.jpg'
    ])
    expect(reasons['bad/empty.jpg']).toMatch(/0 bytes/)
    expect(reasons['bad/notes.jpg']).toMatch(/not a readable image/)
    expect(reasons['bad/huge.png']).toMatch(/20000 x 20000/)
    expect(reasons['bad/truncated.jpg']).toMatch(/cannot decode/)
    expect(reasons['bad/corrupt.jpg']).toMatch(/cannot decode/)
    // The catalogue on disk holds whole records only, and opens again.
    const reopened = await Catalog.open(catalog.dir, { create: false })
    expect(catalogStats(reopened.data)).toEqual({
      photos: 5,
      annotations: 5,
      individuals: 0,
      unassigned: 5
    })
    expect(reopened.data.batches[0]).toMatchObject({ state: 'done', added: 5, kind: 'folder' })
  })

  it('reads EXIF, makes thumbnails, gives each photo a box and a sighting per day', async () => {
    const catalog = await Catalog.open(await tempDir(), { create: true })
    await runImport(catalog, await folderImportRequest(folder), testContext().context)
    const first = catalog.data.photos.find((p) => p.fileName === 'IMG_0001.jpg')
    expect(first).toMatchObject({
      takenAt: '2024-07-01T10:22:05',
      width: 64,
      height: 48,
      format: 'jpeg'
    })
    expect(first?.camera).toEqual({ make: 'TestCam', model: 'T1' })
    for (const photo of catalog.data.photos) {
      expect(
        (await stat(cachedImagePath(catalog.thumbsDir, photo.hash, THUMB_SIZE))).size
      ).toBeGreaterThan(0)
      // The proposal's box, or the whole photo where nothing stood out.
      const annotation = catalog.data.annotations.find((a) => a.photoId === photo.id)
      const box = annotation?.box ?? { x: -1, y: -1, width: 0, height: 0 }
      if (annotation?.source === 'whole-image')
        expect(box).toEqual({ x: 0, y: 0, width: photo.width, height: photo.height })
      else expect(annotation?.source).toBe('proposed')
      expect(box.x).toBeGreaterThanOrEqual(0)
      expect(box.x + box.width).toBeLessThanOrEqual(photo.width)
      expect(box.y + box.height).toBeLessThanOrEqual(photo.height)
    }
    const second = catalog.data.photos.find((p) => p.fileName === 'IMG_0002.jpg')
    expect(second?.sightingId).toBe(first?.sightingId)
    expect(catalog.data.sightings.find((s) => s.id === first?.sightingId)?.date).toBe('2024-07-01')
  })

  it('adds nothing when the same folder is imported twice', async () => {
    const catalog = await Catalog.open(await tempDir(), { create: true })
    await runImport(catalog, await folderImportRequest(folder), testContext().context)
    const again = await runImport(catalog, await folderImportRequest(folder), testContext().context)
    expect(again.added).toBe(0)
    expect(again.duplicates).toBe(5)
    expect(catalog.data.photos).toHaveLength(5)
  })

  it('finds duplicates by content, whatever their name, within one import', async () => {
    const root = await tempDir()
    await writePhoto(join(root, 'a.jpg'), { seed: 11 })
    await writePhoto(join(root, 'copy', 'renamed.jpg'), { seed: 11 })
    const catalog = await Catalog.open(await tempDir(), { create: true })
    const result = await runImport(catalog, await folderImportRequest(root), testContext().context)
    expect([result.added, result.duplicates]).toEqual([1, 1])
  })

  it('honours EXIF orientation: width and height are the upright ones', async () => {
    const root = await tempDir()
    await writePhoto(join(root, 'portrait.jpg'), {
      seed: 12,
      width: 80,
      height: 40,
      orientation: 6
    })
    const catalog = await Catalog.open(await tempDir(), { create: true })
    await runImport(catalog, await folderImportRequest(root), testContext().context)
    expect(catalog.data.photos[0]).toMatchObject({ orientation: 6, width: 40, height: 80 })
  })

  it('stops when cancelled, keeping only whole records', async () => {
    const root = await tempDir()
    for (let i = 0; i < 30; i++) await writePhoto(join(root, `p${i}.jpg`), { seed: 100 + i })
    const catalog = await Catalog.open(await tempDir(), { create: true })
    const { context, cancel } = testContext((current) => {
      if (current === 5) cancel()
    })
    const result = await runImport(catalog, await folderImportRequest(root), context)
    expect(result.added).toBeLessThan(30)
    const reopened = await Catalog.open(catalog.dir, { create: false })
    expect(reopened.data.photos.length).toBe(result.added)
    expect(reopened.data.annotations.length).toBe(result.added)
    expect(reopened.data.batches[0]?.state).toBe('cancelled')
  })
})
