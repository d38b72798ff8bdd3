// Bad image files an import must refuse by name with a reason, importing everything else:
// the cases not already in src/main/import/import-folder.test.ts (corrupt and truncated JPEG,
// 0-byte file, text renamed .jpg, a 400 MP PNG).
import { chmod, mkdir, readFile, symlink, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { Catalog } from '../../src/main/catalog/catalog'
import { folderImportRequest } from '../../src/main/import/import-requests'
import { runImport } from '../../src/main/import/importer'
import { tempDir, writePhoto } from '../fixtures/images'
import { testContext } from '../fixtures/run-job'

async function importFolder(folder: string) {
  const catalog = await Catalog.open(await tempDir(), { create: true })
  const result = await runImport(catalog, await folderImportRequest(folder), testContext().context)
  const reasons = Object.fromEntries((result.rejected ?? []).map((r) => [r.file, r.reason]))
  await catalog.close()
  return { catalog, result, reasons }
}

async function encoded(format: 'png' | 'tiff' | 'jpeg', seed: number): Promise<Buffer> {
  const path = join(await tempDir(), `source.${format}`)
  await writePhoto(path, { seed, width: 320, height: 240, format })
  return readFile(path)
}

/** A JPEG whose frame header claims `side` x `side` pixels; the data is a small image's. */
async function jpegClaiming(side: number): Promise<Buffer> {
  const bytes = await encoded('jpeg', 5)
  for (let i = 0; i < bytes.length - 9; i++) {
    // SOF0 / SOF2 marker: FF C0 or FF C2, length, precision, height, width.
    if (bytes[i] === 0xff && (bytes[i + 1] === 0xc0 || bytes[i + 1] === 0xc2)) {
      bytes.writeUInt16BE(side, i + 5)
      bytes.writeUInt16BE(side, i + 7)
      return bytes
    }
  }
  throw new Error('no frame header')
}

describe('bad image files', () => {
  it('refuses truncated and corrupt PNG and TIFF, a JPEG bomb and unsupported formats', async () => {
    const folder = await tempDir()
    await writePhoto(join(folder, 'good.jpg'), { seed: 1 })
    const png = await encoded('png', 2)
    const tiff = await encoded('tiff', 3)
    await writeFile(join(folder, 'truncated.png'), png.subarray(0, Math.floor(png.length / 2)))
    await writeFile(join(folder, 'truncated.tif'), tiff.subarray(0, Math.floor(tiff.length / 2)))
    const corruptPng = Buffer.from(png)
    for (let i = 60; i < corruptPng.length - 20; i += 5) corruptPng[i] = 0x55
    await writeFile(join(folder, 'corrupt.png'), corruptPng)
    const corruptTiff = Buffer.from(tiff)
    for (let i = 16; i < 200; i++) corruptTiff[i] = 0xee
    await writeFile(join(folder, 'corrupt.tif'), corruptTiff)
    // 65000 x 65000 declared (4.2 gigapixels) in a 10 KB file: refused from the header alone.
    await writeFile(join(folder, 'bomb.jpg'), await jpegClaiming(65000))
    // Images, but not photos Flukeprint reads: a drawing renamed .jpg, a Windows bitmap as .heic.
    await writeFile(
      join(folder, 'drawing.jpg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30"/></svg>'
    )
    const bmp = Buffer.alloc(58)
    bmp.write('BM', 0)
    bmp.writeUInt32LE(58, 2)
    bmp.writeUInt32LE(54, 10)
    bmp.writeUInt32LE(40, 14)
    bmp.writeInt32LE(1, 18)
    bmp.writeInt32LE(1, 22)
    bmp.writeUInt16LE(1, 26)
    bmp.writeUInt16LE(24, 28)
    await writeFile(join(folder, 'bitmap.heic'), bmp)

    const { result, reasons } = await importFolder(folder)
    expect(result.added).toBe(1)
    expect(reasons['truncated.png']).toMatch(/cannot decode|not a readable image/)
    expect(reasons['truncated.tif']).toMatch(/cannot decode|not a readable image/)
    expect(reasons['corrupt.png']).toMatch(/cannot decode|not a readable image/)
    expect(reasons['corrupt.tif']).toMatch(/cannot decode|not a readable image/)
    expect(reasons['bomb.jpg']).toMatch(/65000 x 65000/)
    expect(reasons['drawing.jpg']).toBe('unsupported image format (svg)')
    expect(reasons['bitmap.heic']).toMatch(/not a readable image \(.*unsupported image format/)
    expect(Object.keys(reasons)).toHaveLength(7)
  })

  it('imports from paths with spaces, quotes and non-Latin letters, keeping them exact', async () => {
    const folder = join(await tempDir(), `Survey "north" 'leg 2' – Baleine ünï 鯨 🐋`)
    const name = `IMG 0001 “fluke” 'a' "b" $HOME ;rm -rf.jpg`
    await writePhoto(join(folder, 'día 1', name), { seed: 9 })
    const { catalog, result } = await importFolder(folder)
    expect(result.added).toBe(1)
    const reopened = await Catalog.open(catalog.dir, { create: false, readOnly: true })
    expect(reopened.data.photos[0]?.fileName).toBe(name)
    expect(reopened.data.photos[0]?.originalPath).toBe(join(folder, 'día 1', name))
  })

  it('finishes an import through link loops, naming each link it did not follow', async () => {
    const folder = await tempDir()
    await writePhoto(join(folder, 'day1', 'a.jpg'), { seed: 1 })
    await symlink(folder, join(folder, 'day1', 'back to top'))
    await symlink(join(folder, 'loop-b.jpg'), join(folder, 'loop-a.jpg'))
    await symlink(join(folder, 'loop-a.jpg'), join(folder, 'loop-b.jpg'))
    await mkdir(join(folder, 'deep'))
    await symlink(join(folder, 'deep'), join(folder, 'deep', 'self'))
    const { result, reasons } = await importFolder(folder)
    expect(result.added).toBe(1)
    expect(reasons['day1/back to top']).toBe('link to a folder: not followed')
    expect(reasons['deep/self']).toBe('link to a folder: not followed')
    expect(reasons['loop-a.jpg']).toBe('broken link')
    expect(reasons['loop-b.jpg']).toBe('broken link')
  })

  // Root reads a chmod 000 file all the same; there the permission case cannot be made real.
  const root = process.getuid?.() === 0
  it.skipIf(root)('names a file it may not read and imports the rest', async () => {
    const folder = await tempDir()
    await writePhoto(join(folder, 'ok.jpg'), { seed: 1 })
    await writePhoto(join(folder, 'locked.jpg'), { seed: 2 })
    await mkdir(join(folder, 'locked folder'))
    await writePhoto(join(folder, 'locked folder', 'c.jpg'), { seed: 3 })
    await chmod(join(folder, 'locked.jpg'), 0o000)
    await chmod(join(folder, 'locked folder'), 0o000)
    try {
      const { result, reasons } = await importFolder(folder)
      expect(result.added).toBe(1)
      expect(reasons['locked.jpg']).toBe('permission denied: the file cannot be read')
      expect(reasons['locked folder']).toMatch(/cannot read the folder \(EACCES/)
    } finally {
      await chmod(join(folder, 'locked.jpg'), 0o644)
      await chmod(join(folder, 'locked folder'), 0o755)
    }
  })
})
