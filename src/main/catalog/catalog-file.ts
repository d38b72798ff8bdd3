// The lowdb adapter for catalog.json. Writes go to a temp file that is fsynced and renamed over
// the old one (write-file-atomic), then the folder is fsynced so the rename itself survives a
// power cut: a reader only ever sees the old file or the new one, never a mix. steno (lowdb's
// default) renames without fsync, which can leave an empty file after a power loss.
import { open, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Adapter } from 'lowdb'
import writeFileAtomic from 'write-file-atomic'
import type { CatalogData } from '../../shared/domain'
import { InvalidCatalogError, validateCatalog } from './validate'

export class CatalogFileError extends Error {
  constructor(
    readonly path: string,
    readonly reason: string
  ) {
    super(`Cannot read the catalogue file ${path}: ${reason}`)
  }
}

export class CatalogFile implements Adapter<CatalogData> {
  constructor(readonly path: string) {}

  async read(): Promise<CatalogData | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw new CatalogFileError(this.path, (error as Error).message)
    }
    return parseCatalogText(this.path, text)
  }

  async write(data: CatalogData): Promise<void> {
    await writeFileAtomic(this.path, JSON.stringify(data), { fsync: true })
    await fsyncFolder(dirname(this.path))
  }
}

export function parseCatalogText(path: string, text: string): CatalogData {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    throw new CatalogFileError(path, `not valid JSON (${(error as Error).message})`)
  }
  try {
    return validateCatalog(raw)
  } catch (error) {
    if (error instanceof InvalidCatalogError) throw new CatalogFileError(path, error.message)
    throw error
  }
}

async function fsyncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
