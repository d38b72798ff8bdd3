// The state every door shares: the open catalogue, the jobs, and the events pushed to the UI.
// Plain TypeScript: the Electron glue, the web host and the CLI each wrap one AppCore.
import { basename, resolve } from 'node:path'
import type { EngineStatus, EventName, Events, JobInfo } from '../../shared/contract'
import { Catalog } from '../catalog/catalog'
import { UserError, errorMessage } from '../errors'
import { folderImportRequest, kaggleImportRequest } from '../import/import-requests'
import { runImport } from '../import/importer'
import { JobManager } from '../jobs/job-manager'

export type EventListener = <E extends EventName>(name: E, payload: Events[E]) => void

export class AppCore {
  readonly jobs: JobManager
  private current: Catalog | null = null
  private unsubscribe: (() => void) | null = null
  private readonly listeners = new Set<EventListener>()
  private engine: EngineStatus | null = null
  private engineStarting: Promise<void> | null = null

  constructor() {
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

  async openCatalog(path: string, create: boolean): Promise<Catalog> {
    const folder = resolve(path)
    if (this.current?.dir === folder) return this.current
    this.assertNoActiveJobs()
    const catalog = await Catalog.open(folder, { create })
    this.closeCatalog()
    this.current = catalog
    this.unsubscribe = catalog.onChange(() => this.emit('catalog.changed', { reason: 'write' }))
    this.emit('catalog.changed', { reason: 'opened' })
    return catalog
  }

  closeCatalog(): void {
    this.assertNoActiveJobs()
    this.unsubscribe?.()
    this.unsubscribe = null
    this.current = null
  }

  startFolderImport(folder: string): JobInfo {
    const catalog = this.requireCatalog()
    return this.jobs.start('import', `Import ${basename(folder)}`, async (context) => {
      context.progress(0, 0, 'Listing the photos in the folder')
      return runImport(catalog, await folderImportRequest(folder, context.signal), context)
    })
  }

  startKaggleImport(csv: string, images: string): JobInfo {
    const catalog = this.requireCatalog()
    return this.jobs.start('import', `Import ${basename(csv)}`, async (context) =>
      runImport(catalog, await kaggleImportRequest(csv, images), context)
    )
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
