// One export, as a job's body: the format's writer runs on a staged path that is renamed into
// place only when complete (staged-output.ts). CSV and Kaggle exports are one file; the
// others are a folder.
import type { ExportRequest, JobResult } from '../../shared/contract'
import type { Catalog } from '../catalog/catalog'
import type { JobContext } from '../jobs/job-manager'
import type { EngineSession } from '../models/engine-session'
import { writeCaptureHistory } from './capture-history'
import { writeCatalogCsv } from './catalog-csv'
import { writeIndividualFolders } from './individual-folders'
import { catalogPredictor, submissionQueries, writeKaggleSubmission } from './kaggle-submission'
import { writeStaged } from './staged-output'
import { writeWildbookExport } from './wildbook-sheet'

export interface ExportDeps {
  /** The engine, loaded only for the Kaggle submission. */
  session: () => Promise<EngineSession>
}

export async function runExport(
  catalog: Catalog,
  request: ExportRequest,
  context: Pick<JobContext, 'signal' | 'progress'>,
  deps: ExportDeps
): Promise<JobResult> {
  const data = catalog.data
  const { signal } = context
  let result: JobResult = {}
  const outPath = await (async () => {
    switch (request.format) {
      case 'csv':
        return writeStaged(request.out, 'file', signal, async (path) => {
          context.progress(0, 1, 'Writing the catalogue CSV')
          result = { written: await writeCatalogCsv(data, path) }
        })
      case 'kaggle': {
        const queries = submissionQueries(data, request.batchId)
        const predict = catalogPredictor(catalog, await deps.session())
        return writeStaged(request.out, 'file', signal, async (path) => {
          context.progress(0, queries.length, 'Embedding the catalogue with the current model')
          result = { written: await writeKaggleSubmission(data, queries, predict, path, context) }
        })
      }
      case 'folders':
        return writeStaged(request.out, 'folder', signal, async (folder) => {
          const { written, failed } = await writeIndividualFolders(
            data,
            catalog.thumbsDir,
            folder,
            context
          )
          result = { written, rejected: failed }
        })
      case 'capture-history':
        return writeStaged(request.out, 'folder', signal, async (folder) => {
          const history = await writeCaptureHistory(data, request.occasions ?? [], folder)
          result = { written: history.rows.length }
        })
      case 'wildbook':
        return writeStaged(request.out, 'folder', signal, async (folder) => {
          const { written, failed } = await writeWildbookExport(data, folder, context)
          result = { written, rejected: failed }
        })
    }
  })()
  return { ...result, outPath }
}
