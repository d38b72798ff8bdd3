// Reads a spreadsheet (CSV, or the first worksheet of an XLSX) into a header and rows of text.
// Excel keeps dates and times as numbers with a display format; they are turned back into ISO
// text here ("2024-07-01", "10:22:05") so the rest of the import sees one kind of value.
import { readFile } from 'node:fs/promises'
import { extname } from 'node:path'
import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { UserError, errorMessage } from '../errors'

export interface SheetTable {
  /** The worksheet's name (XLSX), null for a CSV. */
  worksheet: string | null
  header: string[]
  /** Data rows with their spreadsheet row number (the header is row 1). */
  rows: { row: number; cells: string[] }[]
}

/** More rows than any sheet a person prepares; beyond it, the file is probably not one. */
export const MAX_SHEET_ROWS = 100_000

export async function readSheet(path: string): Promise<SheetTable> {
  const ext = extname(path).toLowerCase()
  if (ext !== '.csv' && ext !== '.xlsx') {
    throw new UserError(
      `${path}: choose a .csv or .xlsx spreadsheet (old .xls files: save as .xlsx)`
    )
  }
  const bytes = await readFile(path).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(
      `Cannot read ${path}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`,
      error.code === 'ENOENT' ? 'not-found' : 'invalid-argument'
    )
  })
  const table = ext === '.csv' ? readCsv(path, bytes) : await readXlsx(path, bytes)
  if (table.header.every((h) => !h)) throw new UserError(`${path} has no header row`)
  if (table.rows.length > MAX_SHEET_ROWS) {
    throw new UserError(`${path} has ${table.rows.length} rows; split it below ${MAX_SHEET_ROWS}`)
  }
  return table
}

function readCsv(path: string, bytes: Buffer): SheetTable {
  let records: string[][]
  try {
    records = parse(bytes, { bom: true, relax_column_count: true, trim: true })
  } catch (error) {
    throw new UserError(`${path} is not a readable CSV file: ${errorMessage(error)}`)
  }
  const [header = [], ...body] = records
  return {
    worksheet: null,
    header,
    rows: body
      .map((cells, i) => ({ row: i + 2, cells }))
      .filter((r) => r.cells.some((c) => c !== ''))
  }
}

async function readXlsx(path: string, bytes: Buffer): Promise<SheetTable> {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch (error) {
    throw new UserError(`${path} is not a readable XLSX file: ${errorMessage(error)}`)
  }
  const sheet = workbook.worksheets[0]
  if (!sheet) throw new UserError(`${path} has no worksheet`)
  const width = sheet.columnCount
  const rows: SheetTable['rows'] = []
  let header: string[] = []
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells = Array.from({ length: width }, (_, c) => cellText(row.getCell(c + 1).value))
    if (number === 1) header = cells
    else if (cells.some((c) => c !== '')) rows.push({ row: number, cells })
  })
  return { worksheet: sheet.name, header, rows }
}

const pad = (n: number) => String(n).padStart(2, '0')

/** Excel's date cells come back as UTC Dates; a time alone sits on 1899-12-30. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) {
    const time = `${pad(value.getUTCHours())}:${pad(value.getUTCMinutes())}:${pad(value.getUTCSeconds())}`
    const day = `${value.getUTCFullYear()}-${pad(value.getUTCMonth() + 1)}-${pad(value.getUTCDate())}`
    if (day === '1899-12-30') return time
    return time === '00:00:00' ? day : `${day}T${time}`
  }
  if (typeof value === 'object') {
    if ('richText' in value)
      return value.richText
        .map((r) => r.text)
        .join('')
        .trim()
    if ('text' in value && typeof value.text === 'string') return value.text.trim()
    if ('result' in value) return cellText(value.result ?? null)
    if ('error' in value) return ''
    return ''
  }
  return String(value).trim()
}
