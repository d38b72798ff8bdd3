// Exports and the spreadsheet import from the UI: a Wildbook export and a capture history
// written from the Export page, then a hand-written sheet previewed (its bad rows named
// before anything is written) and imported.
import { readFile, readdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { labelledDemoCatalogue } from './demo-catalogue'
import { ExportPage } from './page-models/export-page'

test('exports from the Export page and imports a previewed spreadsheet', async ({ app }) => {
  test.setTimeout(180_000)
  const { page, dataDir } = app
  const { demo, importPage, labelled } = await labelledDemoCatalogue(
    page,
    dataDir,
    'Exchange catalogue',
    ['--individuals', '4', '--photos', '2-3', '--new', '3']
  )
  const exportPage = new ExportPage(page)
  await exportPage.open()
  const wildbook = await exportPage.run('wildbook', dataDir, 'flukebook')
  expect(wildbook).toContain(join(dataDir, 'flukebook'))
  const files = await readdir(join(dataDir, 'flukebook'))
  expect(files).toContain('flukebook-import.xlsx')
  expect(files.filter((f) => f.endsWith('.jpg'))).toHaveLength(labelled.added)

  await page.getByTestId('format-capture-history').check()
  await page.getByLabel('Occasion 1 from').fill('2000-01-01')
  await page.getByLabel('Occasion 1 to').fill('2099-12-31')
  await exportPage.run('capture-history', dataDir, 'history')
  const inp = await readFile(join(dataDir, 'history', 'capture-history.inp'), 'utf8')
  expect(
    inp
      .trim()
      .split('\n')
      .filter((l) => l.endsWith(' 1 1;'))
  ).toHaveLength(4)

  // A sheet for the new photos: two good rows, a missing photo and a date nobody can read.
  const fresh = (await readdir(join(demo, 'new'))).sort()
  const sheet = join(demo, 'new', 'survey.csv')
  await writeFile(
    sheet,
    [
      'Encounter.mediaAsset0,Encounter.individualID,Encounter.year,Encounter.month,Encounter.day,Encounter.decimalLatitude,Encounter.decimalLongitude,Encounter.genus',
      `${fresh[0]},Sheet whale A,2023,8,14,42.3,-70.25,Megaptera`,
      `${fresh[1]},Sheet whale B,2023,8,15,42.31,-70.26,Megaptera`,
      'gone.jpg,Sheet whale C,2023,8,15,,,Megaptera',
      `${fresh[2]},Sheet whale D,2023,13,40,,,Megaptera`
    ].join('\n')
  )
  await importPage.open()
  await page.getByTestId('import-sheet-input').fill(sheet)
  await page.getByTestId('import-sheet-preview').click()
  const preview = page.getByTestId('sheet-preview')
  await expect(preview.getByTestId('sheet-summary')).toContainText(
    '4 rows: 2 will import (2 photos), 2 with problems'
  )
  await expect(preview.getByTestId('sheet-columns')).toContainText('Encounter.genus (not imported)')
  const bad = preview.locator('[data-testid="sheet-row"][data-bad="true"]')
  await expect(bad).toHaveCount(2)
  await expect(bad.nth(0)).toContainText('gone.jpg not found')
  await expect(bad.nth(1)).toContainText('no such date 2023-13-40')
  await page.getByTestId('import-sheet-start').click()
  const summary = page.getByTestId('import-summary')
  await expect(summary).toBeVisible({ timeout: 60_000 })
  await expect(summary.getByTestId('summary-added')).toContainText('2')
  await expect(summary.getByTestId('summary-rejected')).toContainText('2')
})
