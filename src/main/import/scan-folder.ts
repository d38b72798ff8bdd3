// Lists the photos under a folder, recursively. Symbolic links to folders are not followed
// (a link loop on a field drive must not hang an import); files that are not photos by their
// extension are counted, not rejected: survey folders hold GPS tracks and notes too.
import { opendir, stat } from 'node:fs/promises'
import { extname, join, relative, sep } from 'node:path'
import type { RejectedFile } from '../../shared/domain'
import { PHOTO_EXTENSIONS } from '../images/limits'
import { UserError, errorMessage } from '../errors'

export interface FolderScan {
  files: { path: string; display: string }[]
  rejected: RejectedFile[]
  otherFiles: number
}

export async function scanFolder(root: string, signal?: AbortSignal): Promise<FolderScan> {
  const info = await stat(root).catch(() => null)
  if (!info) throw new UserError(`The folder ${root} does not exist`, 'not-found')
  if (!info.isDirectory()) throw new UserError(`${root} is not a folder`)
  const scan: FolderScan = { files: [], rejected: [], otherFiles: 0 }
  await walk(root, root, scan, signal)
  scan.files.sort((a, b) => a.display.localeCompare(b.display))
  return scan
}

const toDisplay = (root: string, path: string) => relative(root, path).split(sep).join('/')

async function walk(root: string, folder: string, scan: FolderScan, signal?: AbortSignal) {
  signal?.throwIfAborted()
  let dir
  try {
    dir = await opendir(folder)
  } catch (error) {
    scan.rejected.push({
      file: toDisplay(root, folder) || '.',
      reason: `cannot read the folder (${errorMessage(error)})`
    })
    return
  }
  for await (const entry of dir) {
    const path = join(folder, entry.name)
    // macOS writes "._name.jpg" resource forks and ".DS_Store" beside photos on shared drives.
    if (entry.name.startsWith('.')) continue
    if (entry.isDirectory()) {
      await walk(root, path, scan, signal)
    } else if (entry.isSymbolicLink()) {
      const target = await stat(path).catch(() => null)
      if (target?.isFile() && isPhotoName(entry.name)) {
        scan.files.push({ path, display: toDisplay(root, path) })
      } else if (target?.isDirectory()) {
        scan.rejected.push({
          file: toDisplay(root, path),
          reason: 'link to a folder: not followed'
        })
      } else if (!target && isPhotoName(entry.name)) {
        scan.rejected.push({ file: toDisplay(root, path), reason: 'broken link' })
      }
    } else if (entry.isFile()) {
      if (isPhotoName(entry.name)) scan.files.push({ path, display: toDisplay(root, path) })
      else scan.otherFiles += 1
    }
  }
}

export function isPhotoName(name: string): boolean {
  return PHOTO_EXTENSIONS.has(extname(name).toLowerCase())
}
