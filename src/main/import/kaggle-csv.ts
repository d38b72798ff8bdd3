// Reads a Kaggle-style catalogue: train.csv with columns Image,Id beside a folder of images.
// Every row is checked on its own; a bad row is reported and the others still import.
import { readFile, stat } from 'node:fs/promises'
import { isAbsolute, join, normalize, sep } from 'node:path'
import { parse } from 'csv-parse/sync'
import { NEW_WHALE, type RejectedFile } from '../../shared/domain'
import { UserError } from '../errors'

/** The Kaggle label for "not in the catalogue": never an individual. */
export { NEW_WHALE }

export interface LabelledFile {
  path: string
  display: string
  /** null for new_whale: the photo stays unassigned. */
  individual: string | null
}

export interface KaggleCsv {
  files: LabelledFile[]
  rejected: RejectedFile[]
}

export async function readKaggleCsv(csvPath: string, imagesDir: string): Promise<KaggleCsv> {
  const text = await readFile(csvPath, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new UserError(
      `Cannot read ${csvPath}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`
    )
  })
  const folder = await stat(imagesDir).catch(() => null)
  if (!folder?.isDirectory()) throw new UserError(`The images folder ${imagesDir} does not exist`)
  let rows: string[][]
  try {
    rows = parse(text, { bom: true, skip_empty_lines: true, relax_column_count: true, trim: true })
  } catch (error) {
    throw new UserError(`${csvPath} is not a readable CSV file: ${(error as Error).message}`)
  }
  const header = (rows[0] ?? []).map((cell) => cell.toLowerCase())
  const imageColumn = header.indexOf('image')
  const idColumn = header.indexOf('id')
  if (imageColumn < 0 || idColumn < 0) {
    throw new UserError(`${csvPath} needs a header row with the columns Image and Id`)
  }
  const result: KaggleCsv = { files: [], rejected: [] }
  const seen = new Map<string, number>()
  for (const [index, row] of rows.slice(1).entries()) {
    const line = index + 2
    const image = row[imageColumn] ?? ''
    const id = row[idColumn] ?? ''
    const reject = (reason: string) =>
      result.rejected.push({ file: image || `row ${line}`, reason: `row ${line}: ${reason}` })
    if (!image) reject('no image name')
    else if (!id) reject('empty Id (use new_whale for an unknown whale)')
    else if (!isInside(image)) reject('image name points outside the images folder')
    else if (seen.has(image)) reject(`image already listed on row ${seen.get(image)}`)
    else {
      seen.set(image, line)
      result.files.push({
        path: join(imagesDir, image),
        display: image,
        individual: id === NEW_WHALE ? null : id
      })
    }
  }
  return result
}

function isInside(name: string): boolean {
  const clean = normalize(name)
  return !isAbsolute(clean) && clean !== '..' && !clean.startsWith(`..${sep}`)
}
