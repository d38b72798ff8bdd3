// Done-means of issue 7: the demo catalogue exported as CSV and as a Wildbook spreadsheet,
// each imported into a new catalogue, gives the same individuals, assignments and metadata.
import { readdir } from 'node:fs/promises'
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
