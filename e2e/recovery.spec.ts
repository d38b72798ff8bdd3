// A catalogue file damaged on disk (a crash of another program, a bad sector, a sync tool):
// opening it says what is wrong and offers the newest good backup; restoring it brings the
// catalogue back and keeps the damaged file beside it.
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { writePhoto } from '../tests/fixtures/images'
import { expect, runCli, test } from './fixtures'
import { CataloguePage } from './page-models/catalogue-page'

const DAMAGED = '{"schemaVersion": 2, "photos": [{"id": "'

test('a damaged catalogue is reported and restored from its backup', async ({ app }) => {
  const { page, dataDir } = app
  const photos = join(dataDir, 'card 1')
  for (let i = 0; i < 3; i++) await writePhoto(join(photos, `IMG_${i}.jpg`), { seed: i + 1 })
  const catalogue = join(dataDir, 'Humpbacks 2024')
  await runCli(['import', '--catalog', catalogue, '--folder', photos])
  // Every open takes a backup: this one holds the three photos.
  await runCli(['import', '--catalog', catalogue, '--folder', photos])
  const file = join(catalogue, 'catalog.json')
  await writeFile(file, DAMAGED)

  await page.getByTestId('catalog-path-input').fill(catalogue)
  await page.getByTestId('open-catalog').click()
  await expect(page.getByTestId('api-error')).toContainText(file)
  const dialog = page.getByRole('dialog', { name: 'This catalogue cannot be opened' })
  await expect(dialog).toBeVisible()
  await expect(page.getByTestId('restore-reason')).toContainText('not valid JSON')
  await expect(page.getByTestId('restore-backup-date')).toHaveText(/\d{4}-\d\d-\d\d \d\d:\d\d/)
  await expect(page.getByTestId('restore-backup-counts')).toContainText('Photos3')

  // Cancel changes nothing.
  await page.getByTestId('restore-cancel').click()
  await expect(dialog).toBeHidden()
  expect(await readFile(file, 'utf8')).toBe(DAMAGED)

  await page.getByTestId('open-catalog').click()
  await page.getByTestId('restore-confirm').click()
  const grid = new CataloguePage(page)
  await expect(page.getByTestId('tab-photos')).toBeVisible()
  await expect.poll(() => grid.photoCount()).toBe(3)
  const kept = (await readdir(catalogue)).filter((name) => name.startsWith('catalog.damaged-'))
  expect(kept).toHaveLength(1)
  expect(await readFile(join(catalogue, kept[0] ?? ''), 'utf8')).toBe(DAMAGED)
})
