// The crop-box journey: drag a corner, move the box, turn it, save, reload, and find exactly
// that geometry in the original's pixels, on an upright photo and on one stored with EXIF
// orientation 6; then a second fluke in one photo, marked poor.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { CatalogData } from '../src/shared/domain'
import { labelledDemoCatalogue } from './demo-catalogue'
import { ModelsPage } from './page-models/models-page'
import { expect, test } from './fixtures'

const SCREENSHOTS = join(import.meta.dirname, '..', 'docs', 'screenshots')

interface Truth {
  file: string
  orientation: number
}

async function centreOf(page: Page, testId: string) {
  const box = await page.getByTestId(testId).first().boundingBox()
  if (!box) throw new Error(`${testId} is not on screen`)
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 }
}

async function dragBy(page: Page, from: { x: number; y: number }, dx: number, dy: number) {
  await page.mouse.move(from.x, from.y)
  await page.mouse.down()
  await page.mouse.move(from.x + dx / 2, from.y + dy / 2, { steps: 4 })
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 4 })
  await page.mouse.up()
}

/** Saves and waits until every write of the save is acknowledged. */
async function save(page: Page) {
  await page.getByTestId('box-save').click()
  await expect(page.getByTestId('box-save')).toBeDisabled()
  await expect(page.getByTestId('box-panel')).not.toHaveAttribute('data-saving')
}

async function storedBox(page: Page) {
  const box = page.getByTestId('box').first()
  const [x = 0, y = 0, width = 0, height = 0] = ((await box.getAttribute('data-box')) ?? '')
    .split(',')
    .map(Number)
  return { x, y, width, height, rotation: Number(await box.getAttribute('data-rotation')) }
}

test('correct a crop box and find it again after a reload', async ({ app }) => {
  test.setTimeout(300_000)
  const { page, dataDir } = app
  const { demo, catalogDir } = await labelledDemoCatalogue(page, dataDir, 'Boxes catalogue', [
    '--individuals',
    '7',
    '--photos',
    '3-4',
    '--new',
    '2',
    '--turned-every',
    '3'
  ])

  const truth = JSON.parse(await readFile(join(demo, 'truth.json'), 'utf8')) as Truth[]
  const catalog = async () =>
    JSON.parse(await readFile(join(catalogDir, 'catalog.json'), 'utf8')) as CatalogData
  const photoNamed = async (file: string) => {
    const name = file.split('/').pop()
    const photo = (await catalog()).photos.find((p) => p.fileName === name)
    if (!photo) throw new Error(`${name} was not imported`)
    return photo
  }
  const upright = truth.find((t) => t.orientation === 1 && t.file.startsWith('images/'))
  const turned = truth.find((t) => t.orientation === 6 && t.file.startsWith('images/'))
  if (!upright || !turned) throw new Error('the demo set lacks an orientation 1 or 6 photo')

  for (const t of [upright, turned]) {
    const photo = await photoNamed(t.file)
    await page.evaluate((id) => (location.hash = `#/catalogue/photo/${id}`), photo.id)
    await expect(page.getByTestId('photo-page')).toBeVisible()
    const svg = await page.getByTestId('box-editor').boundingBox()
    if (!svg) throw new Error('no editor')
    // Screen pixels to the original's upright pixels.
    const scale = photo.width / svg.width
    expect(photo.height / svg.height).toBeCloseTo(scale, 1)

    // Import proposed a box (or kept the whole photo): start from what it stored.
    const initial = await storedBox(page)
    const body = await centreOf(page, 'box-body')
    await page.mouse.click(body.x, body.y)
    await expect(page.getByTestId('handle-corner-2')).toBeVisible()
    await dragBy(page, await centreOf(page, 'handle-corner-2'), -40, -20)
    await dragBy(page, await centreOf(page, 'box-body'), 20, 15)
    await page.getByTestId('box-rotation-input').fill('15')
    await save(page)

    await page.reload()
    await expect(page.getByTestId('box')).toHaveCount(1)
    const saved = await storedBox(page)
    const expected = {
      x: initial.x + 20 * scale,
      y: initial.y + 15 * scale,
      width: initial.width - 40 * scale,
      height: initial.height - 20 * scale
    }
    for (const key of ['x', 'y', 'width', 'height'] as const) {
      expect(Math.abs(saved[key] - expected[key])).toBeLessThanOrEqual(2 * scale + 1)
    }
    expect(saved.rotation).toBe(15)
    const onDisk = (await catalog()).annotations.find((a) => a.photoId === photo.id)
    expect(onDisk).toMatchObject({
      box: { x: saved.x, y: saved.y },
      rotation: 15,
      source: 'corrected'
    })
  }
  if (app.kind === 'web') await page.screenshot({ path: join(SCREENSHOTS, 'boxes.png') })

  // A second fluke in the same photo, marked poor.
  const svg = await page.getByTestId('box-editor').boundingBox()
  if (!svg) throw new Error('no editor')
  await page.getByTestId('box-add').click()
  await dragBy(page, { x: svg.x + svg.width * 0.7, y: svg.y + svg.height * 0.7 }, 50, 30)
  await expect(page.getByTestId('box')).toHaveCount(2)
  await page.getByTestId('box-quality').getByText('Poor').click()
  await expect(page.getByTestId('box-quality').locator('input[value=poor]')).toBeChecked()
  await save(page)
  await page.reload()
  await expect(page.getByTestId('box')).toHaveCount(2)
  const photo = await photoNamed(turned.file)
  const boxes = (await catalog()).annotations.filter((a) => a.photoId === photo.id)
  expect(boxes.map((a) => a.quality).sort()).toEqual(['poor', null].sort())

  // "Boxes are fine" by key: saved as checked, and on to the next unchecked photo.
  const before = await page.evaluate(() => location.hash)
  await page.keyboard.press('f')
  await expect.poll(() => page.evaluate(() => location.hash)).not.toBe(before)
  const next = (await page.evaluate(() => location.hash)).split('/').pop() ?? ''
  const onDisk = await catalog()
  expect(onDisk.annotations.filter((a) => a.photoId === photo.id).map((a) => a.source)).toEqual([
    'corrected',
    'corrected'
  ])
  expect(onDisk.annotations.find((a) => a.photoId === next)?.source).not.toBe('corrected')

  // Zoomed in: a handle dragged on screen moves the box by screen pixels over the zoom, and
  // the saved box is still in the original's pixels. Then pan, and back to the whole photo.
  const third = truth.find(
    (t) => t.orientation === 1 && t.file.startsWith('images/') && t.file !== upright.file
  )
  if (!third) throw new Error('the demo set lacks a second upright photo')
  const zoomPhoto = await photoNamed(third.file)
  await page.evaluate((id) => (location.hash = `#/catalogue/photo/${id}`), zoomPhoto.id)
  await expect(page.getByTestId('box')).toHaveCount(1)
  const start = await storedBox(page)
  expect(start.rotation).toBe(0)
  const centre = await centreOf(page, 'box-body')
  await page.mouse.click(centre.x, centre.y)
  const corner = await centreOf(page, 'handle-corner-2')
  await page.mouse.move(corner.x, corner.y)
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, -200)
  await expect
    .poll(async () => Number(await page.getByTestId('zoom-pane').getAttribute('data-zoom')))
    .toBeGreaterThan(2)
  const zoomedSvg = await page.getByTestId('box-editor').boundingBox()
  if (!zoomedSvg) throw new Error('no editor')
  const zoomedScale = zoomPhoto.width / zoomedSvg.width
  // Zoomed at the handle: it stayed under the cursor.
  const stillThere = await centreOf(page, 'handle-corner-2')
  expect(Math.abs(stillThere.x - corner.x)).toBeLessThan(3)
  expect(Math.abs(stillThere.y - corner.y)).toBeLessThan(3)
  await dragBy(page, stillThere, -60, -30)
  // Panning with the space bar held moves the view, not the box.
  const panFrom = await centreOf(page, 'box-body')
  await page.keyboard.down('Space')
  await dragBy(page, panFrom, 40, 25)
  await page.keyboard.up('Space')
  const panned = await centreOf(page, 'box-body')
  expect(Math.abs(panned.x - panFrom.x - 40)).toBeLessThan(2)
  expect(Math.abs(panned.y - panFrom.y - 25)).toBeLessThan(2)
  await save(page)
  await page.reload()
  await expect(page.getByTestId('box')).toHaveCount(1)
  const zoomSaved = await storedBox(page)
  const zoomExpected = {
    x: start.x,
    y: start.y,
    width: start.width - 60 * zoomedScale,
    height: start.height - 30 * zoomedScale
  }
  for (const key of ['x', 'y', 'width', 'height'] as const) {
    expect(Math.abs(zoomSaved[key] - zoomExpected[key])).toBeLessThanOrEqual(2 * zoomedScale + 1)
  }
  const zoomOnDisk = (await catalog()).annotations.find((a) => a.photoId === zoomPhoto.id)
  expect(zoomOnDisk?.box).toEqual({
    x: zoomSaved.x,
    y: zoomSaved.y,
    width: zoomSaved.width,
    height: zoomSaved.height
  })
  // The 0 key shows the whole photo again.
  await page.mouse.move(centre.x, centre.y)
  await page.mouse.wheel(0, -300)
  await expect(page.getByTestId('zoom-pane')).not.toHaveAttribute('data-zoom', '1.000')
  await page.keyboard.press('0')
  await expect(page.getByTestId('zoom-pane')).toHaveAttribute('data-zoom', '1.000')

  // "Boxes are fine" through the rest of the import: every photo's boxes checked.
  for (let i = 0; i < 40; i++) {
    if (await page.getByTestId('all-checked').isVisible()) break
    const here = await page.evaluate(() => location.hash)
    await page.keyboard.press('f')
    await expect
      .poll(async () =>
        (await page.getByTestId('all-checked').isVisible())
          ? 'done'
          : await page.evaluate(() => location.hash)
      )
      .not.toBe(here)
  }
  await expect(page.getByTestId('all-checked')).toBeVisible()

  // The Models page: how boxes are proposed, and a learned proposer fitted to the checked
  // boxes, compared with the untrained method on those it did not learn from.
  const final = await catalog()
  const checked = final.photos.filter((p) => {
    const boxes = final.annotations.filter((a) => a.photoId === p.id)
    return boxes.length === 1 && boxes[0]?.source === 'corrected'
  }).length
  expect(checked).toBeGreaterThanOrEqual(20)
  await new ModelsPage(page).open()
  await expect(page.getByTestId('box-proposer-in-use')).toHaveText(/Untrained/)
  await expect(page.getByTestId('checked-boxes')).toHaveText(`${checked} checked boxes`)
  await expect(page.getByTestId('proposal-quality-none')).toBeVisible()
  await page.getByTestId('learn-boxes').click()
  await expect(page.getByTestId('proposal-quality-row')).toHaveCount(2)
  await expect(page.getByTestId('proposal-quality').getByText('in use')).toHaveCount(1)
  const learned = (await catalog()).boxProposers[0]
  if (!learned) throw new Error('no box proposer was saved')
  expect(learned.heldOut + learned.trainedOn).toBe(checked)
  await expect(page.getByTestId('proposal-quality-measured-on')).toContainText(
    `Measured on ${learned.heldOut} checked boxes`
  )
  await expect(page.getByTestId('proposal-quality')).toContainText(learned.learnedIoU.toFixed(3))
  await expect(page.getByTestId('proposal-quality')).toContainText(learned.untrainedIoU.toFixed(3))
  if (app.kind === 'web') await page.screenshot({ path: join(SCREENSHOTS, 'box-proposals.png') })
})
