import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir, writePhoto } from '../../../tests/fixtures/images'
import { Catalog } from '../catalog/catalog'
import { answerImageRequest } from './image-request'

describe('fp-img:// answers', () => {
  it('serves only ids of the open catalogue, never a path', async () => {
    const dir = await tempDir()
    const original = await writePhoto(join(dir, 'fluke.jpg'), { seed: 3 })
    const hash = createHash('sha256')
      .update(await readFile(original))
      .digest('hex')
    const catalog = await Catalog.open(join(dir, 'catalogue'), { create: true })
    await catalog.update((data) => {
      data.batches.push({
        id: 'b1',
        kind: 'folder',
        source: dir,
        label: 'x',
        startedAt: 't',
        finishedAt: 't',
        state: 'done',
        added: 1,
        duplicates: 0,
        rejected: []
      })
      data.photos.push({
        id: 'p1',
        hash,
        originalPath: original,
        fileName: 'fluke.jpg',
        byteSize: 1,
        format: 'jpeg',
        width: 64,
        height: 48,
        orientation: 1,
        takenAt: null,
        gps: null,
        camera: null,
        batchId: 'b1',
        sightingId: null,
        importedAt: 't'
      })
    })
    const served = await answerImageRequest(catalog, 'fp-img://thumb/p1')
    expect('file' in served && served.file.startsWith(join(catalog.dir, 'thumbs'))).toBe(true)
    for (const url of [
      'fp-img://thumb/p2',
      `fp-img://thumb/${encodeURIComponent(original)}`,
      'fp-img://thumb/..%2Fcatalog.json',
      'fp-img://original/p1',
      'fp-img://crop/p1',
      'fp-img://thumb/p1/..',
      'fp-img://thumb/%E0%A4%A'
    ]) {
      expect(await answerImageRequest(catalog, url), url).toMatchObject({ status: 404 })
    }
    expect(await answerImageRequest(null, 'fp-img://thumb/p1')).toMatchObject({ status: 404 })
  })
})
