// Exports and spreadsheet imports as jobs on the open catalogue, for every door (the API
// handlers and the CLI). Each re-reads its input when it runs: a preview is never trusted.
import { basename } from 'node:path'
import type { ExportFormat, ExportRequest, JobInfo } from '../../shared/contract'
import { checkOccasions } from '../exports/capture-history'
import { runExport } from '../exports/run-export'
import { checkDestination } from '../exports/staged-output'
import { runImport } from '../import/importer'
import { readSheetImport } from '../import/sheet-import'
import { UserError } from '../errors'
import type { AppCore } from './app-core'

const TITLES: Record<ExportFormat, string> = {
  csv: 'Export the catalogue as CSV',
  kaggle: 'Export a Kaggle submission',
  folders: 'Export flukes by individual',
  'capture-history': 'Export a capture history',
  wildbook: 'Export a Flukebook/Wildbook spreadsheet'
}

/** Checks what can be checked at once, so a mistake is an error, not a failed job. */
export async function startExport(core: AppCore, request: ExportRequest): Promise<JobInfo> {
  const catalog = core.requireCatalog()
  await checkDestination(request.out)
  if (request.format === 'capture-history') checkOccasions(request.occasions ?? [])
  return core.jobs.start('export', TITLES[request.format], (context) =>
    runExport(catalog, request, context, { session: () => core.session() })
  )
}

export async function startSheetImport(core: AppCore, sheet: string): Promise<JobInfo> {
  const catalog = core.requireCatalog()
  const { preview } = await readSheetImport(sheet)
  if (preview.problems.length) throw new UserError(preview.problems.join('; '))
  return core.jobs.start('import', `Import ${basename(sheet)}`, async (context) => {
    context.progress(0, 0, 'Reading the spreadsheet')
    const { request } = await readSheetImport(sheet)
    const result = await runImport(catalog, request, context)
    core.embedAfterImport(catalog)
    return result
  })
}
