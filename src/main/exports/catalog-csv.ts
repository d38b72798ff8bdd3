// The catalogue as a CSV spreadsheet: one row per annotation. The column names are the ones
// the spreadsheet import reads back (src/main/import/sheet-columns.ts), so an exported
// catalogue can be imported into another one with its individuals, boxes and metadata.
import { writeFile } from 'node:fs/promises'
import { stringify } from 'csv-stringify/sync'
import type { CatalogData } from '../../shared/domain'
import { annotationRows, splitTakenAt, type AnnotationRow } from './catalog-rows'

export const CATALOG_CSV_COLUMNS = [
  'file',
  'file_name',
  'individual',
  'date',
  'time',
  'latitude',
  'longitude',
  'box_x',
  'box_y',
  'box_width',
  'box_height',
  'rotation',
  'box_source',
  'viewpoint',
  'quality',
  'confirmed_by',
  'confirmed_at',
  'confirmed_model',
  'photo_sha256',
  'annotation_id'
] as const

type Column = (typeof CATALOG_CSV_COLUMNS)[number]

function csvRow({ annotation, photo, individual, confirmed }: AnnotationRow) {
  const { date, time } = splitTakenAt(photo.takenAt)
  const { box } = annotation
  const row: Record<Column, string | number> = {
    file: photo.originalPath,
    file_name: photo.fileName,
    individual: individual?.name ?? '',
    date,
    time,
    latitude: photo.gps?.lat ?? '',
    longitude: photo.gps?.lon ?? '',
    box_x: box.x,
    box_y: box.y,
    box_width: box.width,
    box_height: box.height,
    rotation: annotation.rotation,
    box_source: annotation.source,
    viewpoint: annotation.viewpoint ?? '',
    quality: annotation.quality ?? '',
    confirmed_by: confirmed?.by ?? '',
    confirmed_at: confirmed?.at ?? '',
    confirmed_model: confirmed?.modelId ?? '',
    photo_sha256: photo.hash,
    annotation_id: annotation.id
  }
  return CATALOG_CSV_COLUMNS.map((column) => row[column])
}

export function catalogCsv(data: CatalogData): { text: string; rows: number } {
  const rows = annotationRows(data).map(csvRow)
  const text = stringify([[...CATALOG_CSV_COLUMNS], ...rows])
  return { text, rows: rows.length }
}

export async function writeCatalogCsv(data: CatalogData, path: string): Promise<number> {
  const { text, rows } = catalogCsv(data)
  await writeFile(path, text, 'utf8')
  return rows
}
