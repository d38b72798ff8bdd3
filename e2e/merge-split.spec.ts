// Audit trail on the individual page: merge one individual into another, split a fluke back,
// and both pages keep the whole record of what happened, after a reload too.
import { labelledDemoCatalogue } from './demo-catalogue'
import { expect, test } from './fixtures'
import { CataloguePage } from './page-models/catalogue-page'
import { IndividualPage } from './page-models/individual-page'

test('merge an individual into another, then split a fluke back', async ({ app }) => {
  const { page, dataDir } = app
  await labelledDemoCatalogue(page, dataDir, 'Merge catalogue', [
    '--individuals',
    '3',
    '--photos',
    '2-3',
    '--new',
    '0'
  ])
  const catalogue = new CataloguePage(page)
  await catalogue.open()
  await page.getByTestId('tab-individuals').click()
  const rows = page.getByTestId('individual-row')
  await expect(rows).toHaveCount(3)
  const second = ((await rows.nth(1).locator('[role=cell]').nth(1).textContent()) ?? '').trim()

  await rows.first().click()
  const individual = new IndividualPage(page)
  await expect(page.getByTestId('photo-cell').first()).toBeVisible()
  const first = await individual.name()
  const firstPhotos = await individual.photoCount()

  await individual.mergeInto(second)
  // The page of the individual merged into, now holding both sets of photos.
  await expect(page.getByTestId('individual-name')).toHaveText(second)
  await expect(page.getByTestId('change-row')).toHaveCount(1)
  expect((await individual.changes())[0]).toContain(`Merged ${first} → ${second}`)
  const merged = await individual.photoCount()
  expect(merged).toBeGreaterThan(firstPhotos)
  await expect(
    page.getByTestId('assignment-row').filter({ hasText: `merged ${first} into ${second}` })
  ).toHaveCount(firstPhotos)

  await individual.splitTo(1, `${first} (merged here earlier)`)
  await expect(page.getByTestId('change-row')).toHaveCount(2)
  expect((await individual.changes())[0]).toContain(`Split ${second} → ${first}`)
  await expect(page.getByTestId('photo-cell')).toHaveCount(merged - 1)

  // The individual split back to is active again, with merge and split in its history.
  await page.getByTestId('split-done').getByRole('link', { name: first }).click()
  await expect(page.getByTestId('individual-name')).toHaveText(first)
  await expect(page.getByTestId('merged-into')).toHaveCount(0)
  await expect(page.getByTestId('photo-cell')).toHaveCount(1)
  await page.reload()
  await expect(page.getByTestId('change-row')).toHaveCount(2)
  const history = await individual.changes()
  expect(history[0]).toContain(`Split ${second} → ${first}`)
  expect(history[1]).toContain(`Merged ${first} → ${second}`)
  await expect(page.getByTestId('assignment-row')).toHaveCount(firstPhotos * 2 + 1)

  await catalogue.open()
  await page.getByTestId('tab-individuals').click()
  await expect(page.getByTestId('individual-row')).toHaveCount(3)
})
