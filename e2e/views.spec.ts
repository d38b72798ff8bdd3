// The views: the sightings map (all, and one import), an individual's timeline and map, the
// score chart across models and the embedding map, each checked against the catalogue on disk.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { CatalogData } from '../src/shared/domain'
import { labelledDemoCatalogue } from './demo-catalogue'
import { expect, test } from './fixtures'
import { ModelsPage } from './page-models/models-page'

const SCREENSHOTS = join(import.meta.dirname, '..', 'docs', 'screenshots')

test('sightings map, timeline, score chart, embedding map, folder drop, recent catalogues', async ({
  app
}) => {
  test.setTimeout(600_000)
  const { page, dataDir } = app
  // Offline: every request stays on the app's own host, and the CSP refuses nothing.
  const external: string[] = []
  const refused: string[] = []
  page.on('request', (request) => {
    const url = new URL(request.url())
    const local = ['127.0.0.1', 'localhost'].includes(url.hostname)
    if (!local && !['data:', 'blob:', 'fp-img:', 'file:'].includes(url.protocol)) {
      external.push(request.url())
    }
  })
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) refused.push(message.text())
  })
  const { demo, catalogDir, importPage } = await labelledDemoCatalogue(
    page,
    dataDir,
    'Views catalogue',
    ['--individuals', '8', '--photos', '4-6', '--new', '6']
  )
  await importPage.importFolder(join(demo, 'new'))
  const data = JSON.parse(await readFile(join(catalogDir, 'catalog.json'), 'utf8')) as CatalogData
  const placed = data.sightings.filter((s) => s.place)
  expect(placed.length).toBeGreaterThan(8)

  // Every placed sighting is a point over the bundled coastline.
  await page.getByTestId('nav-maps').click()
  const map = page.getByTestId('sightings-map')
  await expect(map).toHaveAttribute('data-points', String(placed.length))
  await expect(map.getByTestId('map-point')).toHaveCount(placed.length)
  expect(((await page.getByTestId('map-land').getAttribute('d')) ?? '').length).toBeGreaterThan(500)
  // The last point is drawn on top: nothing covers it.
  const top = map.getByTestId('map-point').last()
  await top.hover({ timeout: 10_000 })
  const hovered = (await top.getAttribute('data-sighting')) ?? ''
  await expect(
    page.locator(`[data-testid="map-sighting"][data-sighting="${hovered}"]`)
  ).toBeVisible()
  await expect(page.getByTestId('map-sighting-photo').first()).toBeVisible()
  if (app.kind === 'web') await page.screenshot({ path: join(SCREENSHOTS, 'map.png') })

  // One import only: the new photos' sightings.
  const fresh = data.batches.find((b) => b.kind === 'folder')
  if (!fresh) throw new Error('no folder import')
  await page.evaluate(`window.location.hash = '#/maps?batch=${fresh.id}'`)
  const freshSightings = placed.filter((s) => s.batchId === fresh.id).length
  await expect(map).toHaveAttribute('data-points', String(freshSightings))

  // The individual seen most often: its timeline has one mark per dated sighting.
  const sightingsOf = (id: string) => {
    const photos = new Set(
      data.annotations.filter((a) => a.individualId === id).map((a) => a.photoId)
    )
    const ids = new Set(data.photos.filter((p) => photos.has(p.id)).map((p) => p.sightingId))
    return data.sightings.filter((s) => ids.has(s.id))
  }
  const [whale] = [...data.individuals].sort(
    (a, b) => sightingsOf(b.id).length - sightingsOf(a.id).length
  )
  if (!whale) throw new Error('no individuals')
  const seen = sightingsOf(whale.id)
  await page.evaluate(`window.location.hash = '#/catalogue/individual/${whale.id}'`)
  await expect(page.getByTestId('individual-name')).toHaveText(whale.name)
  await expect(page.getByTestId('timeline-mark')).toHaveCount(seen.filter((s) => s.date).length)
  await expect(page.getByTestId('individual-map')).toHaveAttribute(
    'data-points',
    String(seen.filter((s) => s.place).length)
  )
  if (app.kind === 'web') {
    await page.getByTestId('timeline').scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SCREENSHOTS, 'timeline.png') })
  }
  await page.getByTestId('timeline-mark').last().click({ timeout: 10_000 })
  await expect(page).toHaveURL(/#\/catalogue\/photo\//)

  // The built-in model: scores on the chart, embeddings for the map.
  const models = new ModelsPage(page)
  await models.open()
  await page.getByTestId('use-built-in').click()
  await expect(page.getByTestId('model-row')).toHaveCount(1, { timeout: 240_000 })
  const chart = page.getByTestId('score-chart')
  await expect(chart).toHaveAttribute('data-points', '1')
  // A short retrain: the chart then joins two models' scores.
  await models.retrain('30 s')
  await expect(page.getByTestId('model-row')).toHaveCount(2)
  await expect(chart).toHaveAttribute('data-points', '2')
  await expect(chart.getByTestId('score-point')).toHaveCount(4)
  expect(
    ((await chart.getByTestId('score-series-map5').locator('path').getAttribute('d')) ?? '').split(
      'L'
    )
  ).toHaveLength(2)
  if (app.kind === 'web') {
    await chart.scrollIntoViewIfNeeded()
    await page.screenshot({ path: join(SCREENSHOTS, 'scores.png') })
  }

  await page.getByTestId('nav-maps').click()
  await page.getByTestId('maps-tab-embeddings').click()
  const embedding = page.getByTestId('embedding-map')
  await expect(embedding).toHaveAttribute('data-points', String(data.annotations.length), {
    timeout: 240_000
  })
  await expect(embedding.getByTestId('embedding-point')).toHaveCount(data.annotations.length)
  const unassigned = data.annotations.filter((a) => a.individualId === null).length
  await expect(
    embedding.locator('[data-testid="embedding-point"][data-individual=""]')
  ).toHaveCount(unassigned)
  await embedding.getByTestId('embedding-point').last().hover({ timeout: 10_000 })
  await expect(page.getByTestId('embedding-hover')).toBeVisible()
  if (app.kind === 'web') await page.screenshot({ path: join(SCREENSHOTS, 'embedding-map.png') })
  await embedding.getByTestId('embedding-point').last().click({ timeout: 10_000 })
  await expect(page).toHaveURL(/#\/catalogue\/photo\//)

  // A folder dropped on the window as a file:// link is imported (here: all duplicates); the
  // Import page, already open, follows it.
  await page.getByTestId('nav-import').click()
  const uri = `file://${join(demo, 'new').split('/').map(encodeURIComponent).join('/')}`
  await page.evaluate(`(() => {
    const data = new DataTransfer()
    data.setData('text/uri-list', ${JSON.stringify(uri)})
    window.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, cancelable: true }))
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: data, cancelable: true }))
  })()`)
  const summary = page.getByTestId('import-summary')
  await expect(summary).toBeVisible({ timeout: 120_000 })
  await expect(summary.getByTestId('summary-duplicates')).toContainText('6')

  // The start screen lists the catalogue as recent; one click opens it again.
  await page.getByTestId('close-catalog').click()
  const recent = page.getByTestId('recent-catalogue').filter({ hasText: 'Views catalogue' })
  await expect(recent).toHaveCount(1)
  await recent.click()
  await expect(page.getByTestId('nav-maps')).toBeVisible()
  expect(external).toEqual([])
  expect(refused).toEqual([])
})
