// The catalogues opened lately, newest first, kept in a small JSON file (the app's userData
// folder in Electron, ~/.config/flukeprint for the web host). A damaged or missing file means
// an empty list: the list is a convenience and must never stop the app from starting.
import { readFile, mkdir } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'
import type { RecentCatalogue } from '../../shared/contract'

export const MAX_RECENT = 10

const fileSchema = z.object({
  catalogues: z.array(z.object({ path: z.string().min(1), name: z.string(), openedAt: z.string() }))
})

/** The list with `path` moved (or added) to the top, trimmed to MAX_RECENT. */
export function withRecent(list: RecentCatalogue[], path: string, at: Date): RecentCatalogue[] {
  const full = resolve(path)
  const entry = { path: full, name: basename(full), openedAt: at.toISOString() }
  return [entry, ...list.filter((c) => c.path !== full)].slice(0, MAX_RECENT)
}

export class RecentCatalogues {
  private writing: Promise<void> = Promise.resolve()

  constructor(private readonly file: string) {}

  async list(): Promise<RecentCatalogue[]> {
    try {
      const parsed = fileSchema.safeParse(JSON.parse(await readFile(this.file, 'utf8')))
      return parsed.success ? parsed.data.catalogues.slice(0, MAX_RECENT) : []
    } catch {
      return []
    }
  }

  /** Records an opened catalogue; writes are serialised so two opens never lose one. */
  add(path: string, at = new Date()): Promise<void> {
    this.writing = this.writing
      .then(async () => {
        const catalogues = withRecent(await this.list(), path, at)
        await mkdir(dirname(this.file), { recursive: true })
        await writeFileAtomic(this.file, JSON.stringify({ catalogues }, null, 2))
      })
      .catch(() => undefined)
    return this.writing
  }

  /** Resolves once every write asked for so far has finished. */
  settled(): Promise<void> {
    return this.writing.catch(() => undefined)
  }

  remove(path: string): Promise<void> {
    this.writing = this.writing.then(async () => {
      const catalogues = (await this.list()).filter((c) => c.path !== resolve(path))
      await writeFileAtomic(this.file, JSON.stringify({ catalogues }, null, 2))
    })
    return this.writing
  }
}
