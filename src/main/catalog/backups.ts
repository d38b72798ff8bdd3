// Rotating copies of the last good catalogue file, so that a damaged file can be restored by
// the user. A copy is only ever taken of a file that has just passed validation.
import { copyFile, mkdir, readdir, readFile, rename, unlink } from 'node:fs/promises'
import { join } from 'node:path'
import { parseCatalogText } from './catalog-file'

export const BACKUPS_KEPT = 10

let taken = 0

export function backupFolder(catalogDir: string): string {
  return join(catalogDir, 'backups')
}

export async function takeBackup(catalogDir: string, catalogFile: string): Promise<string> {
  const folder = backupFolder(catalogDir)
  await mkdir(folder, { recursive: true })
  const stamp = new Date().toISOString().replace(/[:.]/g, '-')
  // Two backups in one millisecond must not overwrite each other; the counter keeps order.
  const target = join(folder, `catalog-${stamp}-${String(++taken % 1e6).padStart(6, '0')}.json`)
  await copyFile(catalogFile, `${target}.tmp`)
  await rename(`${target}.tmp`, target)
  await pruneBackups(folder)
  return target
}

async function listBackups(folder: string): Promise<string[]> {
  let names: string[]
  try {
    names = await readdir(folder)
  } catch {
    return []
  }
  // ISO stamps sort chronologically as text; newest first.
  return names
    .filter((name) => /^catalog-.*\.json$/.test(name))
    .sort()
    .reverse()
    .map((name) => join(folder, name))
}

async function pruneBackups(folder: string): Promise<void> {
  const all = await listBackups(folder)
  for (const old of all.slice(BACKUPS_KEPT)) await unlink(old)
}

/** The newest backup that still validates, or null. */
export async function newestGoodBackup(catalogDir: string): Promise<string | null> {
  for (const candidate of await listBackups(backupFolder(catalogDir))) {
    try {
      parseCatalogText(candidate, await readFile(candidate, 'utf8'))
      return candidate
    } catch {
      continue
    }
  }
  return null
}
