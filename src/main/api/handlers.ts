// The contract's requests, implemented over the shared core. Doors differ only in HostOptions.
import { stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { Args, CatalogSummary, PickKind, RequestName, Result } from '../../shared/contract'
import type { Catalog } from '../catalog/catalog'
import { individualDetail } from '../catalog/individual-detail'
import {
  catalogStats,
  listBatches,
  listIndividuals,
  listPhotos,
  photoDetail
} from '../catalog/queries'
import { inspectCatalog } from '../catalog/recovery'
import type { AppCore } from '../core/app-core'
import { startDemo } from '../core/demo-catalog'
import { UserError } from '../errors'
import { boxProposalQuality } from '../boxes/proposal-quality'
import type { RecentCatalogues } from '../desktop/recent-catalogues'
import { listModels } from '../models/list-models'
import { annotationHandlers } from './annotation-handlers'
import { exportHandlers } from './export-handlers'
import { individualHandlers } from './individual-handlers'
import { reviewHandlers } from './review-handlers'
import { viewHandlers } from './view-handlers'

/** A handler may answer at once or later; the doors await either. */
export type Handlers = { [K in RequestName]: (args: Args<K>) => Result<K> | Promise<Result<K>> }

export interface HostOptions {
  host: 'electron' | 'web'
  version: string
  defaultCatalogPath: string
  defaultDemoPath: string
  /** A native open dialog, where the host has one. */
  pickPath?: (kind: PickKind, title: string) => Promise<string | null>
  /** Where the catalogues opened lately are remembered. */
  recent?: RecentCatalogues
}

export function summarize(catalog: Catalog): CatalogSummary {
  return { path: catalog.dir, catalogId: catalog.data.catalogId, stats: catalogStats(catalog.data) }
}

export function createHandlers(core: AppCore, host: HostOptions): Handlers {
  const data = () => core.requireCatalog().data
  return {
    'app.info': () => ({
      version: host.version,
      host: host.host,
      nativeDialogs: Boolean(host.pickPath),
      defaultCatalogPath: host.defaultCatalogPath,
      defaultDemoPath: host.defaultDemoPath,
      catalog: core.catalog ? summarize(core.catalog) : null,
      engine: core.engineStatus()
    }),
    'app.recent': async () => (await host.recent?.list()) ?? [],
    'catalog.open': async ({ path, create }) => {
      const catalog = await core.openCatalog(path, create)
      await host.recent?.add(catalog.dir)
      return summarize(catalog)
    },
    'catalog.close': async () => {
      await core.closeCatalog()
      return null
    },
    'catalog.recovery': ({ path }) => inspectCatalog(path),
    'catalog.restoreBackup': async ({ path, backup }) => {
      const { catalog, keptAs } = await core.restoreBackup(path, backup)
      await host.recent?.add(catalog.dir)
      return { catalog: summarize(catalog), damagedKeptAs: keptAs }
    },
    'catalog.openDemo': async ({ path }) => {
      const started = await startDemo(core, path)
      await host.recent?.add(started.catalog.path)
      return started
    },
    'photos.list': ({ filter }) => listPhotos(data(), filter),
    'photos.get': ({ id }) => photoDetail(data(), id),
    'individuals.list': () => listIndividuals(data()),
    'individuals.get': ({ id }) => individualDetail(data(), id),
    ...individualHandlers(core),
    'batches.list': () => listBatches(data()),
    'import.folder': async ({ folder }) => {
      await expect(folder, 'folder')
      return { jobId: core.startFolderImport(folder).id }
    },
    'import.kaggle': async ({ csv, images }) => {
      await expect(csv, 'file')
      await expect(images, 'folder')
      return { jobId: core.startKaggleImport(csv, images).id }
    },
    'jobs.list': () => core.jobs.list(),
    'models.list': () => {
      const catalog = core.requireCatalog()
      return listModels(catalog.dir, catalog.data)
    },
    'models.train': ({ minutes }) => ({ jobId: core.startTraining(minutes).id }),
    'models.setCurrent': async ({ id }) => ({ jobId: (await core.setCurrentModel(id)).id }),
    'boxes.quality': () => boxProposalQuality(core.requireCatalog().data),
    'boxes.train': () => ({ jobId: core.startBoxTraining().id }),
    ...reviewHandlers(core),
    ...annotationHandlers(core),
    ...exportHandlers(core),
    ...viewHandlers(core),
    'jobs.cancel': ({ id }) => {
      if (!core.jobs.get(id)) throw new UserError(`No job ${id}`, 'not-found')
      core.jobs.cancel(id)
      return null
    },
    'dialog.pick': async ({ kind, title }) => ({
      path: host.pickPath ? await host.pickPath(kind, title) : null
    })
  }
}

async function expect(path: string, kind: 'file' | 'folder'): Promise<void> {
  const full = resolve(path)
  const info = await stat(full).catch(() => null)
  if (!info) throw new UserError(`${full} does not exist`, 'not-found')
  if (kind === 'folder' && !info.isDirectory()) throw new UserError(`${full} is not a folder`)
  if (kind === 'file' && !info.isFile()) throw new UserError(`${full} is not a file`)
}
