// One open catalogue folder: the lowdb instance over catalog.json, owned by this process.
import { randomUUID } from 'node:crypto'
import { mkdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Low } from 'lowdb'
import { CATALOG_SCHEMA_VERSION, type CatalogData } from '../../shared/domain'
import { UserError } from '../errors'
import { takeBackup } from './backups'
import { CatalogFile, CatalogFileError } from './catalog-file'
import { CatalogLock } from './catalog-lock'
import { DamagedCatalogError, missingCatalog } from './recovery'

export const CATALOG_FILE = 'catalog.json'

export function emptyCatalog(): CatalogData {
  return {
    schemaVersion: CATALOG_SCHEMA_VERSION,
    catalogId: randomUUID(),
    createdAt: new Date().toISOString(),
    photos: [],
    annotations: [],
    individuals: [],
    sightings: [],
    assignments: [],
    decisions: [],
    changes: [],
    models: [],
    currentModelId: null,
    boxProposers: [],
    boxProposerId: null,
    batches: []
  }
}

export interface OpenOptions {
  create: boolean
  /** Opens without writing anything (no lock, no backup, no repair of interrupted imports). */
  readOnly?: boolean
  /** Who holds the write lock, for the message a second opener reads. */
  app?: string
}

export class Catalog {
  private writing: Promise<void> = Promise.resolve()
  private readonly listeners = new Set<() => void>()
  private changes = 0
  /** Goes up when a failed write rolled the data back: changes made before it are void. */
  private generation = 0

  private constructor(
    readonly dir: string,
    private readonly db: Low<CatalogData>,
    private readonly file: CatalogFile,
    private readonly lock: CatalogLock | null
  ) {}

  /**
   * Opens the catalogue in `dir`; with `create`, makes the folder and an empty catalogue.
   * A writable open takes the catalogue's lock first: a second writer is refused before it
   * reads or writes anything.
   */
  static async open(dir: string, options: OpenOptions): Promise<Catalog> {
    const folder = resolve(dir)
    await ensureFolder(folder, options.create)
    const lock = options.readOnly
      ? null
      : await CatalogLock.acquire(folder, options.app ?? 'Flukeprint')
    try {
      return await Catalog.load(folder, options, lock)
    } catch (error) {
      await lock?.release()
      throw error
    }
  }

  private static async load(
    folder: string,
    options: OpenOptions,
    lock: CatalogLock | null
  ): Promise<Catalog> {
    const path = join(folder, CATALOG_FILE)
    const file = new CatalogFile(path)
    const db = new Low(file, emptyCatalog())
    try {
      await db.read()
    } catch (error) {
      if (error instanceof CatalogFileError) throw await DamagedCatalogError.about(folder, error)
      throw error
    }
    const existed = (await statOrNull(path)) !== null
    const missing = existed ? null : await missingCatalog(folder)
    if (missing) throw new DamagedCatalogError(missing)
    if (!existed && !options.create) {
      throw new UserError(`There is no Flukeprint catalogue in ${folder}`, 'not-found')
    }
    const catalog = new Catalog(folder, db, file, lock)
    if (options.readOnly) return catalog
    const interrupted = catalog.markInterruptedBatches()
    if (!existed || interrupted) await catalog.save(catalog.generation)
    await takeBackup(folder, path)
    return catalog
  }

  /** Waits for pending writes and lets go of the lock; the object must not be used after. */
  async close(): Promise<void> {
    await this.writing
    await this.lock?.release()
  }

  get data(): Readonly<CatalogData> {
    return this.db.data
  }

  /** Goes up with every change: views derived from the data are valid while it stays. */
  get revision(): number {
    return this.changes
  }

  get thumbsDir(): string {
    return join(this.dir, 'thumbs')
  }

  /**
   * Applies `change` to the data and writes the file. Writes are serialised, and each one
   * holds every change made before it, so callers group records that belong together into
   * one change: a reader never sees half of them.
   */
  async update(change: (data: CatalogData) => void): Promise<void> {
    if (!this.lock) throw new UserError('This catalogue was opened read-only', 'conflict')
    if (this.lock.lost) {
      throw new UserError(
        `Flukeprint lost its lock on ${this.dir} (${this.lock.lost.message}), so it writes nothing more: close the catalogue and open it again`,
        'conflict'
      )
    }
    const generation = this.generation
    this.changes += 1
    change(this.db.data)
    await this.save(generation)
  }

  /** Called after every successful write; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  async backup(): Promise<void> {
    await this.writing
    await takeBackup(this.dir, join(this.dir, CATALOG_FILE))
  }

  /**
   * Writes the data as it is when this write's turn comes. A failed write (disk full, no
   * permission) leaves the file on disk as it was, so the data in memory goes back to the
   * last file written and every change waiting behind it fails with the same error: what the
   * app shows and what a later write saves is always what is on disk.
   */
  private save(generation: number): Promise<void> {
    const next = this.writing.then(async () => {
      if (generation !== this.generation) throw this.rolledBack ?? new Error('not saved')
      try {
        await this.db.write()
      } catch (error) {
        this.rollBack(error)
        throw error
      }
      this.listeners.forEach((listener) => listener())
    })
    this.writing = next.catch(() => undefined)
    return next
  }

  private rolledBack: Error | null = null

  private rollBack(error: unknown): void {
    this.db.data = this.file.lastWritten() ?? this.db.data
    this.generation += 1
    this.changes += 1
    const reason = error instanceof Error ? error.message : String(error)
    this.rolledBack = new UserError(
      `Not saved, because an earlier change failed: ${reason}`,
      'conflict'
    )
    this.listeners.forEach((listener) => listener())
  }

  /** An import that was running when the process died is marked so, never left "running". */
  private markInterruptedBatches(): boolean {
    let changed = false
    for (const batch of this.db.data.batches) {
      if (batch.state === 'running') {
        batch.state = 'interrupted'
        changed = true
      }
    }
    return changed
  }
}

async function ensureFolder(folder: string, create: boolean): Promise<void> {
  const info = await statOrNull(folder)
  if (info && !info.isDirectory()) throw new UserError(`${folder} is a file, not a folder`)
  if (!info) {
    if (!create) throw new UserError(`The folder ${folder} does not exist`, 'not-found')
    await mkdir(folder, { recursive: true })
  }
}

async function statOrNull(path: string) {
  try {
    return await stat(path)
  } catch {
    return null
  }
}
