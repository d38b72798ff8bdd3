// Kaggle-style CSVs beyond src/main/import/kaggle-csv.test.ts (which covers a BOM with CRLF and
// an extra column, empty ids, missing names, duplicates, unknown images, paths out of the
// folder, missing columns): columns in another order and case, rows with too many cells,
// quoted names, a CSV that is not text at all, an empty file.
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readKaggleCsv } from '../../src/main/import/kaggle-csv'
import { tempDir, writePhoto } from '../fixtures/images'

async function folderWith(csv: string | Buffer, images: string[]) {
  const root = await tempDir()
  await mkdir(join(root, 'images'))
  for (const [i, name] of images.entries()) {
    await writePhoto(join(root, 'images', name), { seed: 60 + i })
  }
  await writeFile(join(root, 'train.csv'), csv)
  return { csv: join(root, 'train.csv'), images: join(root, 'images') }
}

describe('Kaggle CSVs', () => {
  it('reads columns in any order and case, quoted names and rows with extra cells', async () => {
    const { csv, images } = await folderWith(
      '\uFEFFid;x,IMAGE\r\n' +
        'ignored\r\n' +
        'w_1,"fluke, left ""best"".jpg"\r\n' +
        'w_2,baleine ü 鯨.jpg,an extra cell,and another\r\n',
      ['fluke, left "best".jpg', 'baleine ü 鯨.jpg']
    )
    // The header names Id as "id;x": not the Id column, so the file is refused, by name.
    await expect(readKaggleCsv(csv, images)).rejects.toThrow(/columns Image and Id/)
    await writeFile(
      csv,
      '\uFEFFid,IMAGE\r\nw_1,"fluke, left ""best"".jpg"\r\nw_2,baleine ü 鯨.jpg,an extra cell,and another\r\n'
    )
    const table = await readKaggleCsv(csv, images)
    expect(table.files.map((f) => [f.display, f.individual])).toEqual([
      ['fluke, left "best".jpg', 'w_1'],
      ['baleine ü 鯨.jpg', 'w_2']
    ])
    expect(table.rejected).toEqual([])
  })

  it('refuses an empty file and a binary file with a message naming the file', async () => {
    const empty = await folderWith('', [])
    await expect(readKaggleCsv(empty.csv, empty.images)).rejects.toThrow(
      `${empty.csv} needs a header row with the columns Image and Id`
    )
    const binary = await folderWith(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0x22, 0x0a, 0x22]),
      []
    )
    await expect(readKaggleCsv(binary.csv, binary.images)).rejects.toThrow(binary.csv)
  })
})
