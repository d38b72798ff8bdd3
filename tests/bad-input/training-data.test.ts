// Too little to train on: refused with a message before any photo is cropped or any step is
// taken, never a NaN loss or a model that means nothing; the catalogue is left as it was.
import { readFile, readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Catalog } from '../../src/main/catalog/catalog'
import { kaggleTrainingSet } from '../../src/main/engine/data/training-items'
import { CPU_DEFAULTS } from '../../src/main/engine/train/settings'
import { trainToFolder } from '../../src/main/engine/train/train-to-folder'
import { kaggleImportRequest } from '../../src/main/import/import-requests'
import { runImport } from '../../src/main/import/importer'
import { coreWithHandlers } from '../fixtures/handlers'
import { tempDir, writePhoto } from '../fixtures/images'
import { testContext } from '../fixtures/run-job'

/** A Kaggle-style folder: train.csv and images/, one photo per row. */
async function kaggleFolder(rows: [string, string][]): Promise<string> {
  const dir = await tempDir()
  let seed = 1
  for (const [image] of rows) await writePhoto(join(dir, 'images', image), { seed: seed++ })
  const { writeFile } = await import('node:fs/promises')
  await writeFile(join(dir, 'train.csv'), `Image,Id\n${rows.map((r) => r.join(',')).join('\n')}\n`)
  return dir
}

const ONE_WHALE: [string, string][] = [
  ['a.jpg', 'w_1'],
  ['b.jpg', 'w_1'],
  ['c.jpg', 'w_1'],
  ['d.jpg', 'w_2'],
  ['e.jpg', 'new_whale']
]
const NO_REPEATS: [string, string][] = [
  ['a.jpg', 'w_1'],
  ['b.jpg', 'w_2'],
  ['c.jpg', 'w_3']
]

describe('training data too small', () => {
  for (const [what, rows] of [
    ['one whale seen more than once', ONE_WHALE],
    ['no whale seen twice', NO_REPEATS]
  ] as const) {
    it(`retraining a catalogue with ${what} fails with a message, writing nothing`, async () => {
      const data = await kaggleFolder(rows)
      const dir = await tempDir()
      const { core } = coreWithHandlers()
      const catalog = await core.openCatalog(dir, true)
      await runImport(
        catalog,
        await kaggleImportRequest(join(data, 'train.csv'), join(data, 'images')),
        testContext().context
      )
      const before = await readFile(join(dir, 'catalog.json'), 'utf8')
      const job = await core.jobs.wait(core.startTraining(1).id)
      expect(job.state).toBe('failed')
      expect(job.error).toMatch(/^Not enough confirmed matches to train: [01] individual\(s\)/)
      expect(job.training).toBeNull()
      expect(await readFile(join(dir, 'catalog.json'), 'utf8')).toBe(before)
      expect(await readdir(join(dir, 'models')).catch(() => [])).toEqual([])
      await core.closeCatalog()
    })

    it(`the engine (CLI train) refuses ${what} before any step`, async () => {
      const data = await kaggleFolder(rows)
      const out = join(await tempDir(), 'model')
      const progress: (number | null)[] = []
      await expect(
        trainToFolder(
          await kaggleTrainingSet(data),
          { ...CPU_DEFAULTS, minutes: 0.05 },
          out,
          data,
          {
            onProgress: (p) => progress.push(p.loss)
          }
        )
      ).rejects.toThrow(/^Not enough to train: [01] whale\(s\) among the training photos/)
      expect(progress).toEqual([])
      expect(await stat(out).catch(() => null)).toBeNull()
    })
  }

  it('a catalogue without any labels says so too', async () => {
    const dir = await tempDir()
    const catalog = await Catalog.open(dir, { create: true })
    await catalog.close()
    const { core } = coreWithHandlers()
    await core.openCatalog(dir, false)
    const job = await core.jobs.wait(core.startTraining(1).id)
    expect(job.error).toMatch(/Not enough confirmed matches to train: 0 individual/)
    await core.closeCatalog()
  })
})
