// When catalog.json is damaged: say what is wrong, offer the newest backup that validates, and
// restore it only when the user asks. The damaged file is moved aside, never deleted, so
// nothing is lost even if the backup turns out to be the wrong choice.
import { readFile, rename, stat } from 'node:fs/promises'
import { basename, join, resolve } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import type { BackupInfo, CatalogRecovery } from '../../shared/contract'
import { UserError } from '../errors'
import { backupFolder, newestGoodBackup } from './backups'
import { CatalogFile, CatalogFileError, fsyncFolder, parseCatalogText } from './catalog-file'
import { CatalogLock } from './catalog-lock'
import { catalogStats } from './queries'

const CATALOG_JSON = 'catalog.json'

/** A catalogue that cannot be opened; its message names the file and the backup to restore. */
export class DamagedCatalogError extends UserError {
  constructor(readonly recovery: CatalogRecovery) {
    const advice = recovery.backup
      ? `The newest good backup is ${recovery.backup.path} (${recovery.backup.takenAt}). Nothing was changed; you can restore it.`
      : 'No good backup was found. Nothing was changed.'
    super(
      `Cannot read the catalogue file ${recovery.file}: ${recovery.reason}. ${advice}`,
      'conflict'
    )
  }

  static async about(folder: string, error: CatalogFileError): Promise<DamagedCatalogError> {
    return new DamagedCatalogError({
      path: folder,
      file: error.path,
      reason: error.reason,
      backup: await backupInfo(await newestGoodBackup(folder))
    })
  }
}

/**
 * catalog.json gone while good backups remain (deleted by hand, lost by a sync tool): as much
 * a damaged catalogue as a corrupt file. Starting an empty one there would, within ten opens,
 * rotate the good backups away.
 */
export async function missingCatalog(folder: string): Promise<CatalogRecovery | null> {
  const backup = await backupInfo(await newestGoodBackup(folder))
  if (!backup) return null
  return {
    path: folder,
    file: join(folder, CATALOG_JSON),
    reason: 'the file is missing, but the folder holds backups of a catalogue',
    backup
  }
}

/** What is wrong with the catalogue in `folder`; null when its file reads fine, or is absent
 * from a folder with no backups (a new catalogue). */
export async function inspectCatalog(dir: string): Promise<CatalogRecovery | null> {
  const folder = resolve(dir)
  try {
    const data = await new CatalogFile(join(folder, CATALOG_JSON)).read()
    return data === null ? await missingCatalog(folder) : null
  } catch (error) {
    if (!(error instanceof CatalogFileError)) throw error
    return (await DamagedCatalogError.about(folder, error)).recovery
  }
}

/**
 * Puts backup `name` in place of a damaged catalog.json, under the catalogue's lock. Refused
 * when the file is not damaged: a good catalogue is never overwritten from here. Returns
 * where the damaged file now is.
 */
export async function restoreBackup(dir: string, name: string, app: string): Promise<string> {
  const folder = resolve(dir)
  if (basename(name) !== name || !/^catalog-[\w.-]+\.json$/.test(name)) {
    throw new UserError(`${name} is not a backup name`)
  }
  const lock = await CatalogLock.acquire(folder, app)
  try {
    const problem = await inspectCatalog(folder)
    const file = join(folder, CATALOG_JSON)
    const present = await stat(file).catch(() => null)
    if (present && !problem) {
      throw new UserError(`${file} opens fine: there is nothing to restore`, 'conflict')
    }
    const source = join(backupFolder(folder), name)
    const text = await readFile(source, 'utf8').catch(() => {
      throw new UserError(`There is no backup ${name} in ${backupFolder(folder)}`, 'not-found')
    })
    parseCatalogText(source, text)
    const keptAs = join(
      folder,
      `catalog.damaged-${new Date().toISOString().replace(/[:.]/g, '-')}.json`
    )
    if (present) await rename(file, keptAs)
    await writeFileAtomic(file, text, { fsync: true })
    await fsyncFolder(folder)
    return present ? keptAs : ''
  } finally {
    await lock.release()
  }
}

async function backupInfo(path: string | null): Promise<BackupInfo | null> {
  if (!path) return null
  try {
    const data = parseCatalogText(path, await readFile(path, 'utf8'))
    const info = await stat(path)
    return {
      name: basename(path),
      path,
      takenAt: info.mtime.toISOString(),
      stats: catalogStats(data)
    }
  } catch {
    return null
  }
}
