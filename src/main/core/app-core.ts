// The state every door shares: the open catalogue, the jobs, and the events pushed to the UI.
// Plain TypeScript: the Electron glue, the web host and the CLI each wrap one AppCore.
import { basename, join, resolve } from 'node:path'
import type { EngineStatus, EventName, Events, JobInfo } from '../../shared/contract'
import { Catalog } from '../catalog/catalog'
import { UserError, errorMessage } from '../errors'
import { folderImportRequest, kaggleImportRequest } from '../import/import-requests'
import { runImport } from '../import/importer'
import { JobManager, type JobContext } from '../jobs/job-manager'
import type { EngineSession } from '../models/engine-session'

export type EventListener = <E extends EventName>(name: E, payload: Events[E]) => void

export class AppCore {
  readonly jobs: JobManager
  /** The current model and its embeddings; TensorFlow.js loads on first use, not at start. */
  private engineSession: Promise<EngineSession> | null = null
  private current: Catalog | null = null
  private unsubscribe: (() => void) | null = null
  private readonly listeners = new Set<EventListener>()
  private engine: EngineStatus | null = null
  private engineStarting: Promise<void> | null = null

  /** Names this program in the catalogue's lock, for the message a second opener reads. */
  readonly app: string

  constructor(options: { app?: string } = {}) {
    this.app = options.app ?? 'Flukeprint'
    this.jobs = new JobManager((info) => this.emit('job', info))
  }

  get catalog(): Catalog | null {
    return this.current
  }

  /**
   * The engine's backend and the reason for it. Starting TensorFlow.js takes a second or two,
   * so the first call starts it in the background and answers null; a 'catalog.changed' event
   * tells the UI to ask again.
   */
  engineStatus(): EngineStatus | null {
    this.engineStarting ??= import('../engine/backend')
      .then(({ initBackend }) => initBackend())
      .then((info) => {
        this.engine = { backend: info.name, reason: info.reason }
        this.emit('catalog.changed', { reason: 'engine started' })
      })
      .catch((error: unknown) => {
        this.engine = {
          backend: 'none',
          reason: `the engine could not start: ${errorMessage(error)}`
        }
      })
    return this.engine
  }

  requireCatalog(): Catalog {
    if (!this.current)
      throw new UserError('No catalogue is open: open or create one first', 'no-catalog')
    return this.current
  }

  onEvent(listener: EventListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit<E extends EventName>(name: E, payload: Events[E]): void {
    for (const listener of this.listeners) listener(name, payload)
  }

  /** `readOnly`: no lock and no writes, so another Flukeprint may have it open for writing. */
  async openCatalog(path: string, create: boolean, readOnly = false): Promise<Catalog> {
    const folder = resolve(path)
    if (this.current?.dir === folder) return this.current
    this.assertNoActiveJobs()
    const catalog = await Catalog.open(folder, { create, readOnly, app: this.app })
    await this.closeCatalog()
    this.current = catalog
    this.unsubscribe = catalog.onChange(() => this.emit('catalog.changed', { reason: 'write' }))
    this.emit('catalog.changed', { reason: 'opened' })
    return catalog
  }

  /** Closes the open catalogue (its pending writes finish) and lets go of its lock. */
  async closeCatalog(): Promise<void> {
    this.assertNoActiveJobs()
    const closing = this.current
    this.unsubscribe?.()
    this.unsubscribe = null
    this.current = null
    void this.engineSession?.then((session) => session.release())
    await closing?.close()
  }

  /**
   * Restores backup `name` over the damaged catalogue file of `path` (kept aside, renamed)
   * and opens the catalogue. Only ever on the user's request.
   */
  async restoreBackup(path: string, name: string): Promise<{ catalog: Catalog; keptAs: string }> {
    this.assertNoActiveJobs()
    const { restoreBackup } = await import('../catalog/recovery')
    const keptAs = await restoreBackup(path, name, this.app)
    return { catalog: await this.openCatalog(path, false), keptAs }
  }

  session(): Promise<EngineSession> {
    this.engineSession ??= import('../models/engine-session').then(
      ({ EngineSession }) => new EngineSession()
    )
    return this.engineSession
  }

  startFolderImport(folder: string): JobInfo {
    const catalog = this.requireCatalog()
    return this.jobs.start('import', `Import ${basename(folder)}`, async (context) => {
      context.progress(0, 0, 'Listing the photos in the folder')
      const result = await runImport(
        catalog,
        await folderImportRequest(folder, context.signal),
        context
      )
      this.embedAfterImport(catalog)
      return result
    })
  }

  startKaggleImport(csv: string, images: string): JobInfo {
    const catalog = this.requireCatalog()
    return this.jobs.start('import', `Import ${basename(csv)}`, async (context) => {
      const result = await runImport(catalog, await kaggleImportRequest(csv, images), context)
      this.embedAfterImport(catalog)
      return result
    })
  }

  /** New photos are matched against as soon as the model in use has embedded them. */
  embedAfterImport(catalog: Catalog): void {
    if (catalog.data.currentModelId && catalog === this.current) this.startEmbedding('new photos')
  }

  /** After boxes changed: one embedding job, not one per saved box. */
  embedChangedBoxes(): void {
    const catalog = this.current
    if (!catalog?.data.currentModelId) return
    const waiting = this.jobs.list().some((j) => j.kind === 'embed' && j.state === 'queued')
    if (!waiting) this.startEmbedding('changed boxes')
  }

  /** Brings the current model's embeddings up to date with the catalogue. */
  startEmbedding(what: string): JobInfo {
    const catalog = this.requireCatalog()
    return this.jobs.start('embed', `Embed ${what}`, async (context) => {
      const session = await this.session()
      const index = await session.refresh(catalog, progressOf(context))
      return { embedded: index.embedded }
    })
  }

  /** Trains a model on the catalogue's confirmed labels; minutes 0 makes the built-in one. */
  startTraining(minutes: number): JobInfo {
    const catalog = this.requireCatalog()
    const title =
      minutes === 0
        ? 'Set up the built-in model'
        : `Retrain (${minutes < 1 ? `${Math.round(minutes * 60)} s` : `${minutes} min`})`
    return this.jobs.start('train', title, async (context) => {
      const { trainCatalogModel } = await import('../models/train-catalog-model')
      const outcome = await trainCatalogModel(catalog, await this.session(), minutes, context)
      if (outcome.madeCurrent) this.startEmbedding('the catalogue with the new model')
      return outcome
    })
  }

  /** Fits a box proposer to the checked boxes (seconds); see boxes/train-box-proposer.ts. */
  startBoxTraining(): JobInfo {
    const catalog = this.requireCatalog()
    return this.jobs.start('train-boxes', 'Learn box proposals', async (context) => {
      const { trainBoxProposer } = await import('../boxes/train-box-proposer')
      return trainBoxProposer(catalog, context)
    })
  }

  /** Makes a model of the catalogue the one in use and embeds the catalogue with it. */
  async setCurrentModel(id: string): Promise<JobInfo> {
    const catalog = this.requireCatalog()
    if (!catalog.data.models.some((m) => m.id === id))
      throw new UserError(`No model ${id} in this catalogue`, 'not-found')
    // A model whose files are missing or damaged is refused here; the one in use stays.
    const version = catalog.data.models.find((m) => m.id === id)
    const { loadModel } = await import('../engine/store/model-files')
    const { model } = await loadModel(join(catalog.dir, 'models', version?.dir ?? id))
    model.dispose()
    await catalog.update((data) => {
      data.currentModelId = id
    })
    ;(await this.session()).release()
    return this.startEmbedding('the catalogue with the chosen model')
  }

  private assertNoActiveJobs(): void {
    if (this.jobs.list().some((job) => job.state === 'running' || job.state === 'queued')) {
      throw new UserError(
        'Jobs are still running on this catalogue: wait for them or cancel them first',
        'conflict'
      )
    }
  }
}

const progressOf = (context: JobContext) => ({
  signal: context.signal,
  onProgress: (stage: string, done: number, total: number) =>
    context.progress(done, total, `${stage} ${done}/${total}`)
})
