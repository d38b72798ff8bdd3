import type { JobInfo } from '../../../shared/contract'
import { AppCore } from '../../core/app-core'
import { startSheetImport } from '../../core/exchange-jobs'
import { UserError } from '../../errors'
import { parseOptions, required } from '../options'
import { followJob } from '../progress'

const USAGE =
  'flukeprint import --catalog DIR (--folder DIR | --csv FILE --images DIR | --sheet FILE) [--json]'

export const importCommand = {
  run: async (argv: string[]): Promise<number> => {
    const values = parseOptions(
      argv,
      {
        catalog: { type: 'string' },
        folder: { type: 'string' },
        csv: { type: 'string' },
        images: { type: 'string' },
        sheet: { type: 'string' },
        json: { type: 'boolean' }
      },
      USAGE
    )
    const catalogPath = required(values.catalog, '--catalog', USAGE)
    if ([values.folder, values.csv, values.sheet].filter(Boolean).length !== 1)
      throw new UserError(`give one of --folder, --csv or --sheet\nUsage: ${USAGE}`)
    const core = new AppCore({ app: 'flukeprint import' })
    await core.openCatalog(catalogPath, true)
    const final = await followJob(core, async () =>
      values.folder
        ? core.startFolderImport(values.folder)
        : values.sheet
          ? await startSheetImport(core, values.sheet)
          : core.startKaggleImport(values.csv ?? '', required(values.images, '--images', USAGE))
    )
    await core.closeCatalog()
    return report(final, Boolean(values.json))
  }
}

function report(job: JobInfo, json: boolean): number {
  const result = job.result ?? {}
  const rejected = result.rejected ?? []
  if (json) {
    process.stdout.write(`${JSON.stringify({ state: job.state, error: job.error, ...result })}\n`)
  } else {
    process.stdout.write(
      `${job.state}: ${result.added ?? 0} photos added, ${result.duplicates ?? 0} already in the catalogue, ${rejected.length} rejected\n`
    )
    for (const file of rejected) process.stdout.write(`rejected ${file.file}: ${file.reason}\n`)
  }
  if (job.state === 'failed') process.stderr.write(`flukeprint import: ${job.error ?? 'failed'}\n`)
  return job.state === 'done' ? 0 : job.state === 'cancelled' ? 130 : 1
}
