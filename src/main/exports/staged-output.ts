// Every export is built under a hidden name beside its destination and renamed into place only
// when it is complete, so a cancelled or failed export leaves nothing half-written, and an
// existing file or folder is never overwritten.
import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, stat } from 'node:fs/promises'
import { basename, dirname, join, resolve } from 'node:path'
import { UserError } from '../errors'

/** Fails early, before any work, when the destination is taken or its folder is missing. */
export async function checkDestination(out: string): Promise<string> {
  const target = resolve(out)
  if (await stat(target).catch(() => null)) {
    throw new UserError(`${target} already exists: choose a new name (nothing is overwritten)`)
  }
  const parent = await stat(dirname(target)).catch(() => null)
  if (!parent?.isDirectory()) {
    throw new UserError(`The folder ${dirname(target)} does not exist`, 'not-found')
  }
  return target
}

/**
 * Runs `build` on a temporary path (a file, or a folder made for it) next to `out`, then
 * renames it to `out`. On any failure, or when `signal` was aborted, the temporary is removed.
 */
export async function writeStaged(
  out: string,
  kind: 'file' | 'folder',
  signal: AbortSignal,
  build: (staging: string) => Promise<void>
): Promise<string> {
  const target = await checkDestination(out)
  const staging = join(
    dirname(target),
    `.${basename(target)}.partial-${randomBytes(4).toString('hex')}`
  )
  try {
    if (kind === 'folder') await mkdir(staging)
    await build(staging)
    signal.throwIfAborted()
    // Checked again: something may have appeared there while the export ran.
    await checkDestination(target)
    await rename(staging, target)
    return target
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    throw error
  }
}
