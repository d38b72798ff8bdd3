// The lowdb adapter for catalog.json. Writes go to a temp file that is fsynced and renamed over
// the old one (write-file-atomic), then the folder is fsynced so the rename itself survives a
// power cut: a reader only ever sees the old file or the new one, never a mix. steno (lowdb's
// default) renames without fsync, which can leave an empty file after a power loss.
import { open, readFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Adapter } from 'lowdb'
import writeFileAtomic from 'write-file-atomic'
import type { CatalogData } from '../../shared/domain'
import { UserError } from '../errors'
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
  /** The text now on disk, as last read or written: what a failed write rolls back to. */
  private onDisk: string | null = null

  constructor(readonly path: string) {}

  lastWritten(): CatalogData | null {
    return this.onDisk === null ? null : parseCatalogText(this.path, this.onDisk)
  }

  async read(): Promise<CatalogData | null> {
    let text: string
    try {
      text = await readFile(this.path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw new CatalogFileError(this.path, (error as Error).message)
    }
    const data = parseCatalogText(this.path, text)
    this.onDisk = text
    return data
  }

  async write(data: CatalogData): Promise<void> {
    const text = JSON.stringify(data)
    try {
      await writeFileAtomic(this.path, text, { fsync: true })
    } catch (error) {
      throw writeError(this.path, error)
    }
    this.onDisk = text
    // The rename is done; the folder's fsync makes it survive a power cut. Should that fail,
    // the new file is in place all the same, so the write counts.
    await fsyncFolder(dirname(this.path)).catch(() => undefined)
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

/** Disk full and permission errors in words; the file on disk is the previous one. */
function writeError(path: string, error: unknown): Error {
  const code = (error as NodeJS.ErrnoException).code
  const kept = `the change was not saved and ${path} is as it was before`
  if (code === 'ENOSPC' || code === 'EDQUOT') {
    return new UserError(`The disk is full: ${kept}. Free some space and try again.`, 'conflict')
  }
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new UserError(
      `Flukeprint may not write to ${dirname(path)} (${code}): ${kept}.`,
      'conflict'
    )
  }
  return error instanceof Error ? error : new Error(String(error))
}

export async function fsyncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r')
  try {
    await handle.sync()
  } finally {
    await handle.close()
  }
}
