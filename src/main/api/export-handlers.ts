// Exports and the spreadsheet import: preview (reads, writes nothing), then the jobs.
import type { Handlers } from './handlers'
import type { AppCore } from '../core/app-core'
import { startExport, startSheetImport } from '../core/exchange-jobs'
import { readSheetImport } from '../import/sheet-import'

type ExportHandlers = Pick<Handlers, 'export.start' | 'import.sheetPreview' | 'import.sheet'>

export function exportHandlers(core: AppCore): ExportHandlers {
  return {
    'export.start': async (request) => ({ jobId: (await startExport(core, request)).id }),
    'import.sheetPreview': async ({ sheet }) => {
      core.requireCatalog()
      return (await readSheetImport(sheet)).preview
    },
    'import.sheet': async ({ sheet }) => ({ jobId: (await startSheetImport(core, sheet)).id })
  }
}
