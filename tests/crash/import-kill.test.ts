// kill -9 an import at random moments: every time, the catalogue must open, validate, and hold
// only whole records (a photo with its annotation, sighting and thumbnail).
import { spawn } from 'node:child_process'
import { readFile, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Catalog } from '../../src/main/catalog/catalog'
import { THUMB_SIZE } from '../../src/main/images/limits'
import { cachedImagePath } from '../../src/main/images/thumbnails'
import { tempDir, writePhoto } from '../fixtures/images'

const PHOTOS = 240
const KILLS = Number(process.env.FLUKEPRINT_CRASH_KILLS ?? 6)
const cli = join(import.meta.dirname, '../../bin/flukeprint.js')

/** Photos in the catalogue file on disk (0 while it does not exist). */
async function photosOnDisk(file: string): Promise<number> {
  try {
    return (JSON.parse(await readFile(file, 'utf8')) as { photos: unknown[] }).photos.length
  } catch {
    return 0
  }
}
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/**
 * Starts an import and kills it `afterMs` after the import's next group of photos reached the
 * catalogue file (or after start, when `afterWrite` is false), so kills land inside the
 * import however fast or loaded the machine is.
 */
function importUntilKilled(catalog: string, folder: string, afterMs: number, afterWrite = true) {
  const child = spawn(process.execPath, [cli, 'import', '--catalog', catalog, '--folder', folder], {
    stdio: 'ignore'
  })
  let exited = false
  const exit = new Promise<number | null>((resolve) =>
    child.on('exit', (code) => {
      exited = true
      resolve(code)
    })
  )
  const killer = async () => {
    const file = join(catalog, 'catalog.json')
    const before = await photosOnDisk(file)
    while (afterWrite && !exited && (await photosOnDisk(file)) === before) await sleep(20)
    await sleep(afterMs)
    if (!exited) child.kill('SIGKILL')
  }
  void killer()
  return exit
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
  // The next import in a child process needs the catalogue's lock.
  await catalog.close()
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
        const code = await importUntilKilled(
          catalog,
          folder,
          random() * (kill > 0 ? 300 : 1500),
          kill > 0
        )
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
      expect(await importUntilKilled(catalog, folder, 120_000, false)).toBe(0)
      expect(await checkWhole(catalog)).toBe(PHOTOS)
    }
  )
})
