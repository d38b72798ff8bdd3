// kill -9 an import at random moments: every time, the catalogue must open, validate, and hold
// only whole records (a photo with its annotation, sighting and thumbnail).
import { spawn } from 'node:child_process'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Catalog } from '../../src/main/catalog/catalog'
import { THUMB_SIZE } from '../../src/main/images/limits'
import { cachedImagePath } from '../../src/main/images/thumbnails'
import { tempDir, writePhoto } from '../fixtures/images'

const PHOTOS = 240
const KILLS = Number(process.env.FLUKEPRINT_CRASH_KILLS ?? 6)
const cli = join(import.meta.dirname, '../../bin/flukeprint.js')

function importUntilKilled(catalog: string, folder: string, afterMs: number) {
  const child = spawn(process.execPath, [cli, 'import', '--catalog', catalog, '--folder', folder], {
    stdio: 'ignore'
  })
  const timer = setTimeout(() => child.kill('SIGKILL'), afterMs)
  return new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer)
      resolve(code)
    })
  )
}

async function checkWhole(dir: string): Promise<number> {
  const exists = await stat(join(dir, 'catalog.json')).catch(() => null)
  if (!exists) return 0
  const catalog = await Catalog.open(dir, { create: false })
  const { photos, annotations, sightings, batches } = catalog.data
  expect(annotations.length).toBe(photos.length)
  for (const photo of photos) {
    expect(annotations.filter((a) => a.photoId === photo.id)).toHaveLength(1)
    expect(sightings.some((s) => s.id === photo.sightingId)).toBe(true)
    expect(
      (await stat(cachedImagePath(catalog.thumbsDir, photo.hash, THUMB_SIZE))).size
    ).toBeGreaterThan(0)
  }
  expect(batches.every((b) => b.state !== 'running')).toBe(true)
  return photos.length
}

describe('an import killed with SIGKILL', () => {
  it(
    `leaves a catalogue that loads with whole records, ${KILLS} kills`,
    { timeout: 300_000 },
    async () => {
      const folder = await tempDir()
      for (let i = 0; i < PHOTOS; i++) {
        await writePhoto(join(folder, `roll${i % 4}`, `IMG_${i}.jpg`), {
          seed: i + 1,
          width: 480,
          height: 320
        })
      }
      const catalog = join(await tempDir(), 'catalogue')
      let seed = 12345
      const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
      let before = 0
      const seen: number[] = []
      for (let kill = 0; kill < KILLS; kill++) {
        // tsx start-up takes about a second; kill anywhere from before the catalogue exists to
        // deep into the import.
        const code = await importUntilKilled(catalog, folder, 1000 + random() * 6000)
        const count = await checkWhole(catalog)
        expect(count).toBeGreaterThanOrEqual(before)
        before = count
        seen.push(count)
        if (code === 0) break
      }
      // The kills must have landed mid-import, or this test proves nothing.
      expect(
        seen.some((count) => count > 0 && count < PHOTOS),
        `counts after kills: ${seen.join(', ')}`
      ).toBe(true)
      expect(await importUntilKilled(catalog, folder, 120_000)).toBe(0)
      expect(await checkWhole(catalog)).toBe(PHOTOS)
    }
  )
})
