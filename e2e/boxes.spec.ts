// The crop-box journey: drag a corner, move the box, turn it, save, reload, and find exactly
// that geometry in the original's pixels, on an upright photo and on one stored with EXIF
// orientation 6; then a second fluke in one photo, marked poor.
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { CatalogData } from '../src/shared/domain'
import { labelledDemoCatalogue } from './demo-catalogue'
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
    '4',
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
})
