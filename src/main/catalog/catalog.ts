// One open catalogue folder: the lowdb instance over catalog.json, owned by this process.
import { randomUUID } from 'node:crypto'
import { mkdir, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { Low } from 'lowdb'
import { CATALOG_SCHEMA_VERSION, type CatalogData } from '../../shared/domain'
import { UserError } from '../errors'
import { newestGoodBackup, takeBackup } from './backups'
import { CatalogFile, CatalogFileError } from './catalog-file'

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

export class Catalog {
  private writing: Promise<void> = Promise.resolve()
  private readonly listeners = new Set<() => void>()
  private changes = 0

  private constructor(
    readonly dir: string,
    private readonly db: Low<CatalogData>
  ) {}

  /**
   * Opens the catalogue in `dir`; with `create`, makes the folder and an empty catalogue.
   * `readOnly` opens without writing anything (no backup, no repair of interrupted imports).
   */
  static async open(
    dir: string,
    options: { create: boolean; readOnly?: boolean }
  ): Promise<Catalog> {
    const folder = resolve(dir)
    await ensureFolder(folder, options.create)
    const file = join(folder, CATALOG_FILE)
    const db = new Low(new CatalogFile(file), emptyCatalog())
    try {
      await db.read()
    } catch (error) {
      if (error instanceof CatalogFileError) throw await damagedCatalogError(folder, error)
      throw error
    }
    const existed = (await statOrNull(file)) !== null
    if (!existed && !options.create) {
      throw new UserError(`There is no Flukeprint catalogue in ${folder}`, 'not-found')
    }
    const catalog = new Catalog(folder, db)
    if (options.readOnly) return catalog
    const interrupted = catalog.markInterruptedBatches()
    if (!existed || interrupted) await catalog.save()
    await takeBackup(folder, file)
    return catalog
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
    this.changes += 1
    change(this.db.data)
    await this.save()
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

  private save(): Promise<void> {
    const next = this.writing
      .then(() => this.db.write())
      .then(() => this.listeners.forEach((listener) => listener()))
    this.writing = next.catch(() => undefined)
    return next
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

async function damagedCatalogError(folder: string, error: CatalogFileError): Promise<UserError> {
  const backup = await newestGoodBackup(folder)
  const advice = backup
    ? `The newest good backup is ${backup}. Nothing was changed; restore it by copying it over ${error.path}.`
    : 'No good backup was found. Nothing was changed.'
  return new UserError(`${error.message}. ${advice}`, 'conflict')
}
