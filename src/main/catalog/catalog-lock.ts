// One writer per catalogue. A second app window, web host or `flukeprint import` on a catalogue
// already open for writing is refused with the name of whoever holds it, before anything is
// written. The lock is proper-lockfile's: a `catalog.lock` folder (mkdir is atomic, also on
// network drives) whose mtime the holder refreshes every few seconds, so a holder that died
// leaves a lock that goes stale by itself. Beside it, `catalog.lock.json` names the holder
// (process, computer, since when, which program) for the message; on the same computer a holder
// whose process is gone is recognised at once rather than after the stale period.
import { readFile, realpath, rename, rm, rmdir, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import lockfile from 'proper-lockfile'
import { UserError } from '../errors'

export const LOCK_DIR = 'catalog.lock'
export const LOCK_OWNER = 'catalog.lock.json'
/** A lock not refreshed for this long belongs to a process that stopped (crash, power cut). */
export const LOCK_STALE_MS = 10_000

export interface LockOwner {
  pid: number
  host: string
  since: string
  /** Which program: "the Flukeprint app", "the Flukeprint web host", "flukeprint import". */
  app: string
}

interface Held {
  count: number
  release: () => Promise<void>
  lost: Error | null
}

// Several Catalog objects in one process (a reopen, a test) share the process's lock.
const held = new Map<string, Promise<Held>>()

export class CatalogLock {
  private released = false

  private constructor(
    readonly dir: string,
    private readonly entry: Held
  ) {}

  /** Takes the lock on the catalogue in `dir` (an existing folder) or throws a UserError. */
  static async acquire(dir: string, app: string): Promise<CatalogLock> {
    // One folder reached by two paths (a link, a mount) is one catalogue and one lock.
    const folder = await realpath(dir)
    let entry = held.get(folder)
    if (!entry) {
      entry = take(folder, app)
      held.set(folder, entry)
      entry.catch(() => held.delete(folder))
    }
    const taken = await entry
    taken.count += 1
    return new CatalogLock(folder, taken)
  }

  /** Set when the lock was taken from us (its folder removed or refreshed by someone else). */
  get lost(): Error | null {
    return this.entry.lost
  }

  async release(): Promise<void> {
    if (this.released) return
    this.released = true
    this.entry.count -= 1
    if (this.entry.count > 0) return
    held.delete(this.dir)
    await this.entry.release()
  }
}

async function take(dir: string, app: string): Promise<Held> {
  const entry: Held = { count: 0, release: () => Promise.resolve(), lost: null }
  const options = {
    lockfilePath: join(dir, LOCK_DIR),
    realpath: false,
    stale: LOCK_STALE_MS,
    update: LOCK_STALE_MS / 4,
    // The default throws from a timer and would kill the app; instead writes are refused.
    onCompromised: (error: Error) => {
      entry.lost = error
    }
  }
  let unlock: () => Promise<void>
  try {
    unlock = await lockfile.lock(dir, options)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw error
    const owner = await readOwner(dir)
    if (!owner || !holderIsGone(owner)) throw lockedError(dir, owner)
    // Its process is gone: the lock is left over from a crash. Take it over (once).
    await rmdir(join(dir, LOCK_DIR)).catch(() => undefined)
    try {
      unlock = await lockfile.lock(dir, options)
    } catch (again) {
      if ((again as NodeJS.ErrnoException).code !== 'ELOCKED') throw again
      throw lockedError(dir, await readOwner(dir))
    }
  }
  const owner: LockOwner = {
    pid: process.pid,
    host: hostname(),
    since: new Date().toISOString(),
    app
  }
  const file = join(dir, LOCK_OWNER)
  await writeFile(`${file}.tmp-${process.pid}`, JSON.stringify(owner))
  await rename(`${file}.tmp-${process.pid}`, file)
  entry.release = async () => {
    await rm(file, { force: true })
    await unlock().catch(() => undefined)
  }
  return entry
}

export async function readOwner(dir: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await readFile(join(dir, LOCK_OWNER), 'utf8')) as Partial<LockOwner>
    if (typeof owner.pid !== 'number' || typeof owner.host !== 'string') return null
    return {
      pid: owner.pid,
      host: owner.host,
      since: String(owner.since ?? ''),
      app: String(owner.app ?? 'Flukeprint')
    }
  } catch {
    return null
  }
}

/** True when the holder ran on this computer and its process no longer exists. */
function holderIsGone(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false
  // Our own pid in the file, yet the lock is not ours in this process: a dead earlier holder.
  if (owner.pid === process.pid) return true
  try {
    process.kill(owner.pid, 0)
    return false
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'EPERM'
  }
}

function lockedError(dir: string, owner: LockOwner | null): UserError {
  const who = owner
    ? `${owner.app} (process ${owner.pid} on ${owner.host}, since ${owner.since.replace('T', ' ').slice(0, 19)} UTC)`
    : 'another Flukeprint program'
  return new UserError(
    `The catalogue ${dir} is already open for writing in ${who}. Close it there first; nothing was changed here. ` +
      `If that program is no longer running, the lock clears by itself within ${LOCK_STALE_MS / 1000} seconds.`,
    'conflict'
  )
}
