import exifr from 'exifr'
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateDemoDataset, type DemoDataset, type DemoOptions } from './index'
import { localIso } from './test-utils'

const options = (outDir: string): DemoOptions => ({
  outDir,
  individuals: 4,
  photosPerIndividual: [2, 4],
  newPhotos: 4,
  newWhales: 2,
  seed: 42,
  width: 320,
  height: 214,
  orientationSixEvery: 5
})

let root = ''
let dataset: DemoDataset
const progress: [number, number][] = []

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'flukeprint-demo-'))
  dataset = await generateDemoDataset(options(join(root, 'a')), (d, t) => progress.push([d, t]))
})

afterAll(async () => {
  await rm(root, { recursive: true, force: true })
})

describe('generateDemoDataset', () => {
  it('writes the Kaggle layout: train.csv rows match images/, new/ holds the rest', async () => {
    const csv = (await readFile(dataset.csvPath, 'utf8')).trimEnd().split('\n')
    expect(csv[0]).toBe('Image,Id')
    const rows = csv.slice(1).map((line) => line.split(','))
    const labelled = dataset.photos.filter((p) => p.split === 'labelled')
    expect(rows).toEqual(labelled.map((p) => [p.file.replace('images/', ''), p.individual]))
    expect((await readdir(dataset.imagesDir)).sort()).toEqual(rows.map((r) => r[0]).sort())
    const fresh = dataset.photos.filter((p) => p.split === 'new')
    expect(fresh).toHaveLength(6)
    expect((await readdir(dataset.newDir)).sort()).toEqual(
      fresh.map((p) => p.file.replace('new/', '')).sort()
    )
    expect(fresh.filter((p) => p.individual === 'new_whale')).toHaveLength(2)
    const ids = new Set(labelled.map((p) => p.individual))
    expect([...ids].sort()).toEqual([
      'demo_whale_01',
      'demo_whale_02',
      'demo_whale_03',
      'demo_whale_04'
    ])
    for (const p of fresh.filter((f) => f.individual !== 'new_whale'))
      expect(ids.has(p.individual)).toBe(true)
    expect(JSON.parse(await readFile(dataset.truthPath, 'utf8'))).toEqual(dataset.photos)
    expect(progress.at(-1)).toEqual([dataset.photos.length, dataset.photos.length])
    expect(progress).toHaveLength(dataset.photos.length)
  })

  it('is byte-identical for the same seed', async () => {
    const again = await generateDemoDataset(options(join(root, 'b')))
    expect(again.photos).toEqual(dataset.photos)
    for (const p of dataset.photos) {
      const a = await readFile(join(dataset.dir, p.file))
      const b = await readFile(join(again.dir, p.file))
      expect(a.equals(b)).toBe(true)
    }
    expect(await readFile(again.csvPath, 'utf8')).toBe(await readFile(dataset.csvPath, 'utf8'))
  })

  it('records EXIF, orientation and boxes that match the files', async () => {
    let turned = 0
    for (const p of dataset.photos) {
      const file = join(dataset.dir, p.file)
      const tags = (await exifr.parse(file, { gps: true, translateValues: false })) as Record<
        string,
        unknown
      >
      expect(localIso(tags.DateTimeOriginal as Date)).toBe(p.takenAt)
      expect(Math.abs((tags.latitude as number) - p.lat)).toBeLessThan(1e-4)
      expect(Math.abs((tags.longitude as number) - p.lon)).toBeLessThan(1e-4)
      expect(tags.Orientation).toBe(p.orientation)
      const upright = await sharp(file).rotate().toBuffer({ resolveWithObject: true })
      expect([upright.info.width, upright.info.height]).toEqual([320, 214])
      expect(p.box.x + p.box.width).toBeLessThanOrEqual(320)
      expect(p.box.y + p.box.height).toBeLessThanOrEqual(214)
      if (p.orientation === 6) turned++
    }
    expect(turned).toBe(Math.floor(dataset.photos.length / 5))
  })

  it('groups photos into plausible sightings', () => {
    for (const p of dataset.photos) {
      const [date, time] = p.takenAt.split('T') as [string, string]
      const [year, month] = date.split('-').map(Number) as [number, number]
      expect(p.split === 'new' ? [2023] : [2019, 2020, 2021, 2022]).toContain(year)
      expect(month).toBeGreaterThanOrEqual(6)
      expect(month).toBeLessThanOrEqual(10)
      expect(time >= '07:00:00' && time <= '18:00:00').toBe(true)
      expect(p.lat).toBeGreaterThan(41)
      expect(p.lat).toBeLessThan(44.5)
      expect(p.lon).toBeGreaterThan(-71)
      expect(p.lon).toBeLessThan(-66)
    }
    const labelled = dataset.photos.filter((p) => p.split === 'labelled')
    const days = new Set(labelled.map((p) => `${p.individual} ${p.takenAt.slice(0, 10)}`))
    expect(days.size).toBeLessThan(labelled.length) // some photos share a sighting
  })

  it('stops when aborted and writes no train.csv', async () => {
    const controller = new AbortController()
    const out = join(root, 'c')
    const run = generateDemoDataset(
      options(out),
      (done) => {
        if (done === 2) controller.abort()
      },
      controller.signal
    )
    await expect(run).rejects.toThrow()
    await expect(stat(join(out, 'train.csv'))).rejects.toThrow()
    const left = await readdir(join(out, 'images'))
    expect(left.filter((name) => !name.endsWith('.jpg'))).toEqual([])
  })
})
