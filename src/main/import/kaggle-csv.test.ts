import { writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir, writePhoto } from '../../../tests/fixtures/images'
import { testContext } from '../../../tests/fixtures/run-job'
import { Catalog } from '../catalog/catalog'
import { catalogStats } from '../catalog/queries'
import { kaggleImportRequest } from './import-requests'
import { runImport } from './importer'
import { readKaggleCsv } from './kaggle-csv'

async function kaggleFolder(csv: string) {
  const root = await tempDir()
  const images = join(root, 'images')
  for (const [i, name] of ['a.jpg', 'b.jpg', 'c.jpg', 'd.jpg'].entries()) {
    await writePhoto(join(images, name), { seed: 40 + i })
  }
  const csvPath = join(root, 'train.csv')
  await writeFile(csvPath, csv)
  return { csvPath, images }
}

describe('Kaggle train.csv import', () => {
  it('makes one individual per Id and leaves new_whale unassigned', async () => {
    const { csvPath, images } = await kaggleFolder(
      'Image,Id\na.jpg,w_1\nb.jpg,w_1\nc.jpg,w_2\nd.jpg,new_whale\n'
    )
    const catalog = await Catalog.open(await tempDir(), { create: true })
    const result = await runImport(
      catalog,
      await kaggleImportRequest(csvPath, images),
      testContext().context
    )
    expect(result.rejected).toEqual([])
    expect(catalogStats(catalog.data)).toEqual({
      photos: 4,
      annotations: 4,
      individuals: 2,
      unassigned: 1
    })
    expect(catalog.data.individuals.map((i) => i.name).sort()).toEqual(['w_1', 'w_2'])
    expect(catalog.data.assignments).toHaveLength(3)
    expect(catalog.data.assignments.every((a) => a.by === 'import')).toBe(true)
  })

  it('reads a CSV with a BOM, CRLF line ends and an extra column', async () => {
    const { csvPath, images } = await kaggleFolder(
      '\uFEFFImage,Id,Notes\r\na.jpg,w_1,left fluke\r\nb.jpg,w_2,\r\n'
    )
    const table = await readKaggleCsv(csvPath, images)
    expect(table.files.map((f) => [f.display, f.individual])).toEqual([
      ['a.jpg', 'w_1'],
      ['b.jpg', 'w_2']
    ])
  })

  it('reports bad rows by row number and imports the rest', async () => {
    const { csvPath, images } = await kaggleFolder(
      'Image,Id\na.jpg,w_1\nb.jpg,\n,w_3\na.jpg,w_4\nmissing.jpg,w_5\n../../etc/passwd,w_6\nc.jpg\n'
    )
    const catalog = await Catalog.open(await tempDir(), { create: true })
    const result = await runImport(
      catalog,
      await kaggleImportRequest(csvPath, images),
      testContext().context
    )
    expect(result.added).toBe(1)
    const reasons = (result.rejected ?? []).map((r) => `${r.file} | ${r.reason}`)
    expect(reasons).toEqual([
      'b.jpg | row 3: empty Id (use new_whale for an unknown whale)',
      'row 4 | row 4: no image name',
      'a.jpg | row 5: image already listed on row 2',
      '../../etc/passwd | row 7: image name points outside the images folder',
      'c.jpg | row 8: empty Id (use new_whale for an unknown whale)',
      'missing.jpg | file not found'
    ])
  })

  it('refuses a CSV without the Image and Id columns', async () => {
    const { csvPath, images } = await kaggleFolder('file,whale\na.jpg,w_1\n')
    await expect(readKaggleCsv(csvPath, images)).rejects.toThrow(/columns Image and Id/)
  })
})
