// The foundation journey: create a catalogue, import a labelled catalogue, a folder of new
// photos and a folder of bad files, browse thumbnails, open an individual and a photo.
import { join } from 'node:path'
import { writeMixedFolder } from '../tests/fixtures/images'
import { expect, runCli, test } from './fixtures'
import { CataloguePage } from './page-models/catalogue-page'
import { ImportPage } from './page-models/import-page'

const SCREENSHOTS = join(import.meta.dirname, '..', 'docs', 'screenshots')

test('create a catalogue, import photos, browse an individual', async ({ app }) => {
  const { page, dataDir } = app
  const demo = join(dataDir, 'demo photos')
  await runCli(['demo', '--out', demo, '--individuals', '8', '--photos', '3-5', '--new', '6'])
  const bad = join(dataDir, 'card 2 (bad files)')
  await writeMixedFolder(bad)

  await expect(page.getByTestId('welcome')).toBeVisible()
  await page.getByTestId('catalog-path-input').fill(join(dataDir, 'Gulf of Maine catalogue'))
  await page.getByTestId('create-catalog').click()

  const importPage = new ImportPage(page)
  await importPage.open()
  const labelled = await importPage.importKaggle(join(demo, 'train.csv'), join(demo, 'images'))
  expect(labelled.rejected).toBe(0)
  const fresh = await importPage.importFolder(join(demo, 'new'))
  expect(fresh.rejected).toBe(0)
  const rejected = await importPage.importFolder(bad)
  expect(rejected.rejected).toBe(5)
  for (const name of ['corrupt.jpg', 'truncated.jpg', 'empty.jpg', 'notes.jpg', 'huge.png']) {
    await expect(page.getByTestId('rejected-row').filter({ hasText: name })).toHaveCount(1)
  }
  await expect(page.getByTestId('rejected-row').filter({ hasText: 'huge.png' })).toContainText(
    '20000 x 20000'
  )
  if (app.kind === 'web') await page.screenshot({ path: join(SCREENSHOTS, 'import.png') })

  const catalogue = new CataloguePage(page)
  await catalogue.open()
  const total = await catalogue.photoCount()
  expect(total).toBe(labelled.added + fresh.added + rejected.added)
  await catalogue.expectThumbnailsLoaded()
  if (app.kind === 'web') await page.screenshot({ path: join(SCREENSHOTS, 'catalogue.png') })

  await catalogue.setUnassignedOnly(true)
  expect(await catalogue.photoCount()).toBe(fresh.added + rejected.added)
  await catalogue.setUnassignedOnly(false)

  await catalogue.openFirstIndividual()
  await expect(page.getByTestId('individual-name')).toContainText('demo_whale_')
  await expect(page.getByTestId('sighting').first()).toBeVisible()
  await catalogue.expectThumbnailsLoaded()
  if (app.kind === 'web') await page.screenshot({ path: join(SCREENSHOTS, 'individual.png') })

  await page.getByTestId('photo-cell').first().click()
  await expect(page.getByTestId('photo-page')).toBeVisible()
  await expect(page.getByTestId('photo-meta')).toContainText('demo_whale_')
  await expect(page.getByTestId('photo-meta')).toContainText(/20\d\d-\d\d-\d\d/)
  if (app.kind === 'web') await page.screenshot({ path: join(SCREENSHOTS, 'photo.png') })

  // Reload keeps the page (hash routing) and the data (the catalogue on disk).
  await page.reload()
  await expect(page.getByTestId('photo-page')).toBeVisible()
  await page.getByTestId('theme-toggle').click()
  await catalogue.open()
  await catalogue.expectThumbnailsLoaded()
  if (app.kind === 'web') await page.screenshot({ path: join(SCREENSHOTS, 'catalogue-dark.png') })
})

test('the demo catalogue button fills a catalogue to explore', async ({ app }) => {
  const { page } = app
  await expect(page.getByTestId('welcome')).toBeVisible()
  if (app.kind === 'web') {
    await page.screenshot({ path: join(SCREENSHOTS, 'welcome.png') })
  }
  await page.getByTestId('try-demo').click()
  const catalogue = new CataloguePage(page)
  await catalogue.open()
  await expect.poll(() => catalogue.photoCount(), { timeout: 120_000 }).toBeGreaterThan(40)
  await catalogue.expectThumbnailsLoaded()
})
