// Done-means of issue 7 on the demo catalogue: exported as CSV and as a Wildbook spreadsheet,
// each imported into a new catalogue, it gives the same individuals, assignments and
// metadata; its capture history matches a matrix made by hand from the demo's truth.json.
import { readFile, readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/fixtures/images'
import { coreWithHandlers } from '../../../tests/fixtures/handlers'
import { dispatch } from '../api/dispatch'
import type { Handlers } from '../api/handlers'
import type { AppCore } from '../core/app-core'
import type { Args, RequestName, Result } from '../../shared/contract'
import type { CatalogData } from '../../shared/domain'

async function call<K extends RequestName>(
  handlers: Handlers,
  name: K,
  args: Args<K>
): Promise<Result<K>> {
  const reply = await dispatch(handlers, name, args)
  if (!reply.ok) throw new Error(reply.body.error)
  return reply.result
}

async function finished(core: AppCore, jobId: string) {
  const job = await core.jobs.wait(jobId)
  expect(job.error).toBeNull()
  expect(job.state).toBe('done')
  return job
}

/** Everything a round trip must keep, per annotation, keyed by the photo's content. */
function snapshot(data: CatalogData, withBoxTags: boolean) {
  const photos = new Map(data.photos.map((p) => [p.id, p]))
  const names = new Map(data.individuals.map((i) => [i.id, i.name]))
  const sightings = new Map(data.sightings.map((s) => [s.id, s]))
  return data.annotations
    .map((a) => {
      const photo = photos.get(a.photoId)
      const assignments = data.assignments.filter((s) => s.annotationId === a.id)
      return {
        hash: photo?.hash,
        individual: a.individualId ? names.get(a.individualId) : null,
        assignedTo: assignments.map((s) => (s.individualId ? names.get(s.individualId) : null)),
        takenAt: photo?.takenAt,
        gps: photo?.gps,
        camera: photo?.camera,
        size: [photo?.width, photo?.height, photo?.orientation],
        // Not the sighting's place: that is its first fix in import order, which differs.
        sightingDate: sightings.get(photo?.sightingId ?? '')?.date,

        ...(withBoxTags
          ? {
              box: a.box,
              rotation: a.rotation,
              source: a.source,
              viewpoint: a.viewpoint,
              quality: a.quality
            }
          : {})
      }
    })
    .sort((x, y) => `${x.hash}`.localeCompare(`${y.hash}`))
}

const source = coreWithHandlers()
let root: string
let original: CatalogData

beforeAll(async () => {
  root = await tempDir()
  const { jobId } = await call(source.handlers, 'catalog.openDemo', { path: join(root, 'demo') })
  await finished(source.core, jobId)
  // Hand corrections a biologist makes, so the CSV has more than import defaults to carry.
  const data = source.core.requireCatalog().data
  const [first, second] = data.annotations.filter((a) => a.individualId)
  for (const [annotation, tags] of [
    [first, { rotation: 12.5, quality: 'good' as const, viewpoint: 'ventral' }],
    [second, { rotation: -3, quality: 'poor' as const, viewpoint: 'left' }]
  ] as const) {
    if (!annotation) throw new Error('the demo catalogue has no labelled annotations')
    const box = {
      x: 10,
      y: 12,
      width: annotation.box.width - 20,
      height: annotation.box.height / 2
    }
    await call(source.handlers, 'annotations.update', { id: annotation.id, box, ...tags })
  }
  original = structuredClone(source.core.requireCatalog().data)
}, 180_000)

async function exportThenImport(format: 'csv' | 'wildbook', out: string, sheet: string) {
  const { jobId } = await call(source.handlers, 'export.start', { format, out })
  const job = await finished(source.core, jobId)
  expect(job.result?.outPath).toBe(out)
  const target = coreWithHandlers()
  await call(target.handlers, 'catalog.open', { path: join(root, `from-${format}`), create: true })
  const preview = await call(target.handlers, 'import.sheetPreview', { sheet })
  expect(preview.problems).toEqual([])
  expect(preview.rows.flatMap((r) => r.errors)).toEqual([])
  expect(preview.good).toBe(original.annotations.length)
  // The preview wrote nothing.
  expect(target.core.requireCatalog().data.photos).toHaveLength(0)
  const started = await call(target.handlers, 'import.sheet', { sheet })
  const imported = await finished(target.core, started.jobId)
  expect(imported.result?.rejected).toEqual([])
  return { preview, data: target.core.requireCatalog().data }
}

describe('round trips of the demo catalogue', () => {
  it('CSV: same individuals, assignments, dates, places, boxes and tags', async () => {
    const out = join(root, 'catalogue.csv')
    const { preview, data } = await exportThenImport('csv', out, out)
    expect(preview.columns.filter((c) => c.field === null).map((c) => c.header)).toEqual([
      'file_name',
      'confirmed_model',
      'photo_sha256',
      'annotation_id'
    ])
    expect(data.individuals.map((i) => i.name).sort()).toEqual(
      original.individuals.map((i) => i.name).sort()
    )
    expect(snapshot(data, true)).toEqual(snapshot(original, true))
    // Who confirmed each label, and when, travels in the new assignment's note.
    const confirmed = original.assignments.find((a) => a.individualId)
    expect(data.assignments.some((a) => a.note.includes(`at ${confirmed?.at}`))).toBe(true)
    expect(data.assignments.every((a) => a.by === 'import')).toBe(true)
  }, 120_000)

  it('Wildbook spreadsheet: same individuals, assignments, dates and places', async () => {
    const out = join(root, 'flukebook')
    const { preview, data } = await exportThenImport(
      'wildbook',
      out,
      join(out, 'flukebook-import.xlsx')
    )
    expect(preview.worksheet).toBe('Sheet1')
    expect(preview.columns.map((c) => [c.header, c.field])).toEqual([
      ['Encounter.mediaAsset0', 'file'],
      ['Encounter.individualID', 'individual'],
      ['Encounter.year', 'year'],
      ['Encounter.month', 'month'],
      ['Encounter.day', 'day'],
      ['Encounter.hour', 'hour'],
      ['Encounter.minutes', 'minutes'],
      ['Encounter.decimalLatitude', 'latitude'],
      ['Encounter.decimalLongitude', 'longitude'],
      ['Encounter.genus', null],
      ['Encounter.specificEpithet', null],
      ['Occurrence.occurrenceID', null]
    ])
    const files = await readdir(out)
    expect(files).toContain('flukebook-import.csv')
    expect(files.filter((f) => f.endsWith('.jpg'))).toHaveLength(original.photos.length)
    expect(data.individuals.map((i) => i.name).sort()).toEqual(
      original.individuals.map((i) => i.name).sort()
    )
    // Wildbook has no box, rotation or tag columns: the re-import proposes boxes afresh, so
    // only annotations nobody corrected keep theirs.
    expect(snapshot(data, false)).toEqual(snapshot(original, false))
    // The CSV written beside the XLSX reads the same rows.
    const csv = await call(source.handlers, 'import.sheetPreview', {
      sheet: join(out, 'flukebook-import.csv')
    })
    expect(csv.rows).toEqual(preview.rows)
  }, 120_000)
})

describe('capture history of the demo catalogue', () => {
  // By hand from demo-photos/truth.json (labelled photos' dates per whale). The bounds are
  // chosen to fall on sightings: 2019-09-19 (whale 11) is in, 2019-09-20 (whale 4) is out;
  // 2020-06-10 and 2020-07-21 open and close occasion 2; 2022-07-22 (whale 6) is out.
  const occasions = [
    { label: '2019', from: '2019-06-01', to: '2019-09-19' },
    { label: '2020 early', from: '2020-06-10', to: '2020-07-21' },
    { label: '2020 late', from: '2020-08-01', to: '2020-10-15' },
    { label: '2021', from: '2021-06-01', to: '2021-10-15' },
    { label: '2022 June-July', from: '2022-06-01', to: '2022-07-21' }
  ]
  const expected: [string, string][] = [
    ['demo_whale_01', '00001'],
    ['demo_whale_02', '01100'],
    ['demo_whale_03', '00110'],
    ['demo_whale_05', '00011'],
    ['demo_whale_07', '00010'],
    ['demo_whale_08', '00100'],
    ['demo_whale_09', '01010'],
    ['demo_whale_10', '01010'],
    ['demo_whale_11', '11000'],
    ['demo_whale_12', '00001']
  ]

  it('writes the hand-made matrix for MARK (.inp) and RMark (CSV)', async () => {
    const out = join(root, 'capture-history')
    const { jobId } = await call(source.handlers, 'export.start', {
      format: 'capture-history',
      out,
      occasions
    })
    const job = await finished(source.core, jobId)
    expect(job.result?.written).toBe(expected.length)
    const inp = await readFile(join(out, 'capture-history.inp'), 'utf8')
    const lines = inp.trim().split('\n')
    expect(lines.filter((l) => l.startsWith('/* occasion'))).toHaveLength(5)
    expect(lines[1]).toBe('/* occasion 2: 2020 early 2020-06-10 to 2020-07-21 */')
    expect(lines.slice(5)).toEqual(expected.map(([id, ch]) => `/* ${id} */ ${ch} 1;`))
    const csv = await readFile(join(out, 'capture-history.csv'), 'utf8')
    expect(csv.trim().split('\n')).toEqual([
      'ch,freq,id',
      ...expected.map(([id, ch]) => `"${ch}","1",${id}`)
    ])
    expect(await readFile(join(out, 'occasions.csv'), 'utf8')).toContain('5,2022 June-July')
  })

  it('refuses overlapping occasions before starting a job', async () => {
    const reply = await dispatch(source.handlers, 'export.start', {
      format: 'capture-history',
      out: join(root, 'never'),
      occasions: [occasions[0], { label: 'x', from: '2019-09-19', to: '2019-12-31' }]
    })
    expect(!reply.ok && reply.body.error).toMatch(/must start after 2019 ends/)
    await expect(readdir(join(root, 'never'))).rejects.toThrow()
  })
})

describe('other exports of the demo catalogue', () => {
  it('ranks the unassigned photos into a Kaggle submission with the model in use', async () => {
    const trained = await call(source.handlers, 'models.train', { minutes: 0 })
    await finished(source.core, trained.jobId)
    // Training queues the embedding of the catalogue: let it finish first.
    for (const job of source.core.jobs.list()) await source.core.jobs.wait(job.id)
    const out = join(root, 'submission.csv')
    const { jobId } = await call(source.handlers, 'export.start', { format: 'kaggle', out })
    await finished(source.core, jobId)
    const [header, ...rows] = (await readFile(out, 'utf8')).trim().split('\n')
    expect(header).toBe('Image,Id')
    const unassigned = original.annotations.filter((a) => !a.individualId)
    expect(rows).toHaveLength(unassigned.length)
    const known = new Set([...original.individuals.map((i) => i.name), 'new_whale'])
    for (const row of rows) {
      const [image, ids] = row.split(',')
      expect(original.photos.some((p) => p.fileName === image)).toBe(true)
      const five = ids?.split(' ') ?? []
      expect(five).toHaveLength(5)
      expect(new Set(five).size).toBe(5)
      for (const id of five) expect(known.has(id)).toBe(true)
    }
  }, 300_000)

  it('cuts every labelled fluke into a folder per individual', async () => {
    const out = join(root, 'flukes')
    const { jobId } = await call(source.handlers, 'export.start', { format: 'folders', out })
    const job = await finished(source.core, jobId)
    const labelled = original.annotations.filter((a) => a.individualId).length
    expect(job.result?.written).toBe(labelled)
    const folders = (await readdir(out)).sort()
    expect(folders).toEqual(original.individuals.map((i) => i.name).sort())
    let files = 0
    for (const folder of folders) files += (await readdir(join(out, folder))).length
    expect(files).toBe(labelled)
  })

  it('leaves nothing behind when cancelled, and never overwrites', async () => {
    const out = join(root, 'cancelled')
    const { jobId } = await call(source.handlers, 'export.start', { format: 'wildbook', out })
    source.core.jobs.cancel(jobId)
    const job = await source.core.jobs.wait(jobId)
    expect(job.state).toBe('cancelled')
    expect((await readdir(root)).filter((f) => f.includes('cancelled'))).toEqual([])
    const taken = await dispatch(source.handlers, 'export.start', {
      format: 'csv',
      out: join(root, 'catalogue.csv')
    })
    expect(!taken.ok && taken.body.error).toMatch(/already exists/)
  })
})
