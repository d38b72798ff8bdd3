// What to import, read from the user's choice: a folder of photos, or a Kaggle train.csv.
import { basename, resolve } from 'node:path'
import type { ImportKind } from '../../shared/domain'
import type { ImportRequest } from './importer'
import { readKaggleCsv } from './kaggle-csv'
import { scanFolder } from './scan-folder'

export async function folderImportRequest(
  folder: string,
  signal?: AbortSignal,
  kind: ImportKind = 'folder'
): Promise<ImportRequest> {
  const root = resolve(folder)
  const scan = await scanFolder(root, signal)
  return {
    kind,
    source: root,
    label: basename(root),
    items: scan.files,
    rejectedBefore: scan.rejected
  }
}

export async function kaggleImportRequest(
  csv: string,
  images: string,
  kind: ImportKind = 'kaggle-csv'
): Promise<ImportRequest> {
  const csvPath = resolve(csv)
  const table = await readKaggleCsv(csvPath, resolve(images))
  return {
    kind,
    source: csvPath,
    label: `${basename(csvPath)} (${table.files.length + table.rejected.length} rows)`,
    items: table.files,
    rejectedBefore: table.rejected
  }
}
