// A Wildbook/Flukebook-style spreadsheet (or Flukeprint's own catalogue CSV) as an import:
// each row checked on its own, the preview listing the column mapping and every row's
// problems, and the import request holding only the good rows. Photo paths are relative to
// the sheet's folder unless absolute.
import { stat } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, normalize, resolve } from 'node:path'
import type { SheetField, SheetPreview, SheetRowView } from '../../shared/contract'
import { NEW_WHALE, type GeoPoint, type RejectedFile } from '../../shared/domain'
import type { ImportRequest } from './importer'
import type { ImportItem, SheetAnnotation } from './process-file'
import { readSheet } from './read-sheet'
import { isPhotoName } from './scan-folder'
import { mapColumns } from './sheet-columns'
import {
  SheetValueError,
  boxOf,
  boxSourceOf,
  positionOf,
  qualityOf,
  takenAtOf
} from './sheet-values'

/** Rows sent with a preview: every row with a problem, and the first good ones. */
const PREVIEW_GOOD_ROWS = 200
const PREVIEW_BAD_ROWS = 1000

interface ParsedRow {
  view: SheetRowView
  paths: string[]
  gps: GeoPoint | null
  annotation: SheetAnnotation
}

export interface SheetImport {
  preview: SheetPreview
  request: ImportRequest
}

export async function readSheetImport(sheet: string): Promise<SheetImport> {
  const sheetPath = resolve(sheet)
  const table = await readSheet(sheetPath)
  const columns = mapColumns(table.header)
  const problems: string[] = []
  if (!columns.some((c) => c.field === 'file')) {
    problems.push('No photo column: name one "file", "image" or "Encounter.mediaAsset0"')
  }
  if (table.rows.length === 0) problems.push('The sheet has no rows below its header')
  const at = new Map<SheetField, number>()
  columns.forEach((c, i) => c.field && !at.has(c.field) && at.set(c.field, i))
  const parsed = table.rows.map(({ row, cells }) => {
    const get = (field: SheetField) => cells[at.get(field) ?? -1] ?? ''
    const files = columns.flatMap((c, i) => (c.field === 'file' && cells[i] ? [cells[i]] : []))
    return parseRow(row, files, get, sheetPath)
  })
  await checkFiles(parsed)
  const items = groupByPhoto(parsed, sheetPath)
  const rejected: RejectedFile[] = parsed
    .filter((p) => p.view.errors.length > 0)
    .map((p) => ({
      file: p.view.file || `row ${p.view.row}`,
      reason: `row ${p.view.row}: ${p.view.errors.join('; ')}`
    }))
  const good = parsed.filter((p) => p.view.errors.length === 0)
  const bad = parsed.filter((p) => p.view.errors.length > 0)
  const preview: SheetPreview = {
    sheet: sheetPath,
    worksheet: table.worksheet,
    columns,
    rows: [...bad.slice(0, PREVIEW_BAD_ROWS), ...good.slice(0, PREVIEW_GOOD_ROWS)]
      .map((p) => p.view)
      .sort((a, b) => a.row - b.row),
    totalRows: parsed.length,
    good: good.length,
    photos: items.length,
    problems
  }
  const request: ImportRequest = {
    kind: 'spreadsheet',
    source: sheetPath,
    label: `${basename(sheetPath)} (${parsed.length} rows)`,
    items: problems.length ? [] : items,
    rejectedBefore: rejected
  }
  return { preview, request }
}

function parseRow(
  row: number,
  files: string[],
  get: (field: SheetField) => string,
  sheetPath: string
): ParsedRow {
  const errors: string[] = []
  const attempt = <T>(read: () => T, fallback: T): T => {
    try {
      return read()
    } catch (error) {
      if (!(error instanceof SheetValueError)) throw error
      errors.push(error.message)
      return fallback
    }
  }
  const name = get('individual')
  const individual = !name || name.toLowerCase() === NEW_WHALE ? null : name
  const takenAt = attempt(
    () =>
      takenAtOf({
        date: get('date'),
        time: get('time'),
        year: get('year'),
        month: get('month'),
        day: get('day'),
        hour: get('hour'),
        minutes: get('minutes')
      }),
    null
  )
  const gps = attempt(() => positionOf(get('latitude'), get('longitude')), null)
  const box = attempt(
    () => boxOf(get('boxX'), get('boxY'), get('boxWidth'), get('boxHeight')),
    null
  )
  const rotationText = get('rotation')
  const rotation = Number(rotationText || 0)
  if (!Number.isFinite(rotation)) errors.push(`bad rotation "${rotationText}"`)
  const viewpoint = get('viewpoint').slice(0, 40) || null
  const quality = attempt(() => qualityOf(get('quality')), null)
  const boxSource = attempt(() => boxSourceOf(get('boxSource')), null)
  const by = get('confirmedBy')
  const at = get('confirmedAt')
  const source = basename(sheetPath)
  const note = by
    ? `confirmed by ${by}${at ? ` at ${at}` : ''} in ${source}`
    : `labelled ${individual ?? ''} in ${source}`
  const paths: string[] = []
  if (files.length === 0) errors.push('no photo file')
  for (const file of files) {
    const clean = file.replaceAll('\\', '/')
    paths.push(isAbsolute(clean) ? normalize(clean) : join(dirname(sheetPath), clean))
  }
  return {
    view: {
      row,
      file: files.join(', '),
      individual,
      takenAt,
      latitude: gps?.lat ?? null,
      longitude: gps?.lon ?? null,
      errors
    },
    paths,
    gps,
    annotation: {
      row,
      individual,
      box,
      rotation: Number.isFinite(rotation) ? rotation : 0,
      boxSource,
      viewpoint,
      quality,
      note
    }
  }
}

/** Missing files are found now, in the preview, not halfway through the import. */
async function checkFiles(rows: ParsedRow[]): Promise<void> {
  const seen = new Map<string, Promise<string | null>>()
  const problem = async (path: string) => {
    const info = await stat(path).catch(() => null)
    if (!info) return `photo ${path} not found`
    if (!info.isFile()) return `${path} is not a file`
    if (!isPhotoName(path)) return `${basename(path)} is not a photo Flukeprint reads`
    return null
  }
  for (const row of rows) {
    for (const path of row.paths) {
      if (!seen.has(path)) seen.set(path, problem(path))
      const found = await seen.get(path)
      if (found) row.view.errors.push(found)
    }
  }
}

/** Rows naming the same photo: one photo; a second fluke of it needs its own box. */
function groupByPhoto(rows: ParsedRow[], sheetPath: string): ImportItem[] {
  const items = new Map<string, { item: ImportItem; row: ParsedRow }>()
  for (const row of rows) {
    if (row.view.errors.length) continue
    for (const path of row.paths) {
      const first = items.get(path)
      if (!first) {
        items.set(path, {
          row,
          item: {
            path,
            display: displayOf(path, sheetPath),
            individual: row.annotation.individual,
            sheet: { takenAt: row.view.takenAt, gps: row.gps, annotations: [row.annotation] }
          }
        })
        continue
      }
      const again = `photo already on row ${first.row.view.row}`
      if (!row.annotation.box || !first.row.annotation.box) {
        row.view.errors.push(`${again}: give both rows a box to import two flukes of one photo`)
      } else if (
        row.view.takenAt !== first.row.view.takenAt ||
        JSON.stringify(row.gps) !== JSON.stringify(first.row.gps)
      ) {
        row.view.errors.push(`${again} with another date or position`)
      } else first.item.sheet?.annotations.push(row.annotation)
    }
  }
  return [...items.values()].map((v) => v.item)
}

function displayOf(path: string, sheetPath: string): string {
  const folder = dirname(sheetPath)
  return path.startsWith(`${folder}/`) ? path.slice(folder.length + 1) : path
}
