// The review-and-retrain journey: a labelled demo catalogue and new photos, a first retrain,
// side-by-side comparison, decisions by keyboard, undo, a reload, and a second retrain whose
// scores are shown beside the first model's.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CatalogData } from '../src/shared/domain'
import { labelledDemoCatalogue } from './demo-catalogue'
import { expect, test } from './fixtures'
import { ModelsPage } from './page-models/models-page'
import { ReviewPage } from './page-models/review-page'

const SCREENSHOTS = join(import.meta.dirname, '..', 'docs', 'screenshots')

test('retrain, compare side by side, decide, undo, retrain again', async ({ app }) => {
  test.setTimeout(600_000)
  const { page, dataDir } = app
  const { demo, catalogDir, importPage } = await labelledDemoCatalogue(
    page,
    dataDir,
    'Review catalogue',
    ['--individuals', '8', '--photos', '4-6', '--new', '6']
  )
  const fresh = await importPage.importFolder(join(demo, 'new'))
  expect(fresh.added).toBe(6)

  // No model yet: the review page says what to do next.
  const review = new ReviewPage(page)
  await review.open()
  await expect(page.getByTestId('no-model')).toBeVisible()

  const models = new ModelsPage(page)
  await models.open()
  await expect(page.getByTestId('first-model')).toBeVisible()
  await models.retrain('30 s')
  // The first model becomes the one in use by itself.
  await expect(page.getByTestId('new-model-in-use')).toBeVisible()
  await expect(page.getByTestId('model-current')).toHaveCount(1)

  await review.open()
  expect(await review.waiting()).toBe(6)
  await expect(await review.candidates()).toHaveCount(5)

  // Zoom on the new photo: the candidate follows while linked.
  const query = review.pane('query')
  const box = await query.boundingBox()
  if (!box) throw new Error('no query pane')
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
  await page.mouse.wheel(0, -500)
  await expect(query).not.toHaveAttribute('data-scale', '1.000')
  const scale = await query.getAttribute('data-scale')
  await expect(review.pane('candidate')).toHaveAttribute('data-scale', scale ?? '')
  await expect(review.pane('candidate')).toHaveAttribute(
    'data-x',
    (await query.getAttribute('data-x')) ?? ''
  )
  await expect(page.getByTestId('compare-query-full')).toBeVisible()
  if (app.kind === 'web') await page.screenshot({ path: join(SCREENSHOTS, 'review.png') })
  await page.keyboard.press('0')
  await expect(query).toHaveAttribute('data-scale', '1.000')

  // Same, same, different, same, then undo the last one.
  const decided: { query: string; verdict: string; individual: string }[] = []
  const decide = async (key: string, verdict: string) => {
    await review.candidates()
    const queryId = await review.queryId()
    const individual =
      (await page
        .locator('[data-testid="candidate"][data-selected]')
        .getAttribute('data-individual')) ?? ''
    await review.decide(key, new RegExp(`Saved: ${verdict}`))
    decided.push({ query: queryId, verdict, individual })
  }
  await decide('s', 'same')
  await decide('s', 'same')
  await decide('d', 'different')
  await decide('s', 'same')
  await review.decide('z', /Undone: same/)
  await expect(page.getByTestId('recent-decision')).toHaveCount(3)

  await page.reload()
  await expect(page.getByTestId('review-page')).toBeVisible()
  await expect.poll(() => review.waiting()).toBe(4)
  await expect(page.getByTestId('recent-decision')).toHaveCount(3)
  const onDisk = JSON.parse(await readFile(join(catalogDir, 'catalog.json'), 'utf8')) as CatalogData
  const inForce = onDisk.decisions.filter((d) => d.undoneAt === null)
  expect(inForce.map((d) => d.verdict)).toEqual(['same', 'same', 'different'])
  expect(onDisk.decisions.filter((d) => d.undoneAt !== null).map((d) => d.verdict)).toEqual([
    'same'
  ])
  const names = new Map(onDisk.individuals.map((i) => [i.id, i.name]))
  for (const [i, d] of inForce.entries()) {
    expect(d.queryAnnotationId).toBe(decided[i]?.query)
    expect(names.get(d.candidateIndividualId)).toBe(decided[i]?.individual)
    const annotation = onDisk.annotations.find((a) => a.id === d.queryAnnotationId)
    expect(annotation?.individualId).toBe(d.verdict === 'same' ? d.candidateIndividualId : null)
  }
  // The undone 'same' left its photo unassigned.
  const undone = onDisk.annotations.find((a) => a.id === decided[3]?.query)
  expect(undone?.individualId).toBeNull()

  // Retrain again: the new model's scores beside those of the model in use.
  await models.open()
  await models.retrain('30 s')
  await expect(page.getByTestId('model-comparison')).toBeVisible()
  await expect(page.getByTestId('before-map5')).toHaveText(/^\d\.\d{3}$/)
  await expect(page.getByTestId('after-map5')).toHaveText(/^\d\.\d{3}$/)
  expect(await models.modelCount()).toBe(2)
  if (app.kind === 'web')
    await page.screenshot({ path: join(SCREENSHOTS, 'retrain.png'), fullPage: true })
  await page.getByTestId('use-new-model').click()
  await expect(page.locator('[data-testid="model-row"][data-current]')).toHaveAttribute(
    'data-model-id',
    /m-/
  )
  await expect(page.getByTestId('new-model-in-use')).toBeVisible()
})
