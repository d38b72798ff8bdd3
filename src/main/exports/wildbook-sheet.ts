// A Flukebook/Wildbook bulk-import spreadsheet (XLSX, which Wildbook reads, and the same table
// as CSV) with the photos copied beside it. One row per annotation (a Wildbook Encounter).
// Field names as documented in Wildbook's "Bulk Import" guide,
// https://wildbook.docs.wildme.org/data/bulk-import-beta.html (required: a location, a date,
// Encounter.mediaAsset0, Encounter.genus and Encounter.specificEpithet; photo file names only
// letters, digits, period and space; fields without data removed from the sheet).
import { copyFile, writeFile } from 'node:fs/promises'
import { extname, join, parse } from 'node:path'
import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import type { CatalogData, RejectedFile } from '../../shared/domain'
import { errorMessage } from '../errors'
import type { JobContext } from '../jobs/job-manager'
import { annotationRows, type AnnotationRow } from './catalog-rows'
import { safeName, uniqueNames } from './safe-names'

export const WILDBOOK_COLUMNS = [
  'Encounter.mediaAsset0',
  'Encounter.individualID',
  'Encounter.year',
  'Encounter.month',
  'Encounter.day',
  'Encounter.hour',
  'Encounter.minutes',
  'Encounter.decimalLatitude',
  'Encounter.decimalLongitude',
  'Encounter.genus',
  'Encounter.specificEpithet',
  'Occurrence.occurrenceID'
] as const

export const SHEET_NAME = 'flukebook-import'

type Cell = string | number | null

/** Humpback whales: Flukeprint's species. */
const GENUS = 'Megaptera'
const EPITHET = 'novaeangliae'

function sheetRow(row: AnnotationRow, mediaName: string): Cell[] {
  const t = row.photo.takenAt
  const part = (from: number, to: number) => (t ? Number(t.slice(from, to)) : null)
  return [
    mediaName,
    row.individual?.name ?? null,
    part(0, 4),
    part(5, 7),
    part(8, 10),
    part(11, 13),
    part(14, 16),
    row.photo.gps?.lat ?? null,
    row.photo.gps?.lon ?? null,
    GENUS,
    EPITHET,
    row.sighting?.id ?? null
  ]
}

/** Wildbook strips other characters from photo names; strip them here so the names match. */
const wildbookFileName = (fileName: string) => {
  const { name } = parse(fileName)
  const stem = safeName(name, 'photo').replace(/[^A-Za-z0-9. ]/g, '') || 'photo'
  return `${stem}${extname(fileName)
    .toLowerCase()
    .replace(/[^a-z0-9.]/g, '')}`
}

export async function writeWildbookExport(
  data: CatalogData,
  folder: string,
  context: Pick<JobContext, 'signal' | 'progress'>
): Promise<{ written: number; failed: RejectedFile[] }> {
  const rows = annotationRows(data)
  const names = uniqueNames()
  const copied = new Map<string, string>()
  const failed: RejectedFile[] = []
  const table: Cell[][] = []
  for (const [i, row] of rows.entries()) {
    context.signal.throwIfAborted()
    let name = copied.get(row.photo.id)
    if (name === undefined) {
      const wanted = names(wildbookFileName(row.photo.fileName))
      try {
        await copyFile(row.photo.originalPath, join(folder, wanted))
        name = wanted
      } catch (error) {
        failed.push({ file: row.photo.originalPath, reason: errorMessage(error) })
        name = ''
      }
      copied.set(row.photo.id, name)
    }
    if (name) table.push(sheetRow(row, name))
    context.progress(i + 1, rows.length, `${copied.size} photos copied`)
  }
  // Wildbook's guide: fields without data are removed before import.
  const keep = WILDBOOK_COLUMNS.map((_, c) => table.some((r) => r[c] !== null && r[c] !== ''))
  const header = WILDBOOK_COLUMNS.filter((_, c) => keep[c])
  const body = table.map((r) => r.filter((_, c) => keep[c]))
  await writeXlsx(join(folder, `${SHEET_NAME}.xlsx`), header, body)
  await writeFile(join(folder, `${SHEET_NAME}.csv`), stringify([header, ...body]), 'utf8')
  return { written: table.length, failed }
}

async function writeXlsx(path: string, header: string[], body: Cell[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Flukeprint'
  const sheet = workbook.addWorksheet('Sheet1')
  sheet.addRow(header)
  for (const row of body) sheet.addRow(row)
  sheet.getRow(1).font = { bold: true }
  await workbook.xlsx.writeFile(path)
}
