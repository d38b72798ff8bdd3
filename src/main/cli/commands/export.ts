import type { ExportFormat, ExportRequest, Occasion } from '../../../shared/contract'
import { AppCore } from '../../core/app-core'
import { startExport } from '../../core/exchange-jobs'
import { UserError } from '../../errors'
import { parseOptions, required } from '../options'
import { followJob } from '../progress'

const USAGE =
  'flukeprint export --catalog DIR --format csv|kaggle|folders|capture-history|wildbook --out PATH [--occasions LABEL=FROM..TO,...] [--batch ID] [--json]'

const FORMATS: readonly ExportFormat[] = ['csv', 'kaggle', 'folders', 'capture-history', 'wildbook']

/** "2019=2019-06-01..2019-10-15,2020-06-01..2020-10-15" (the label is optional). */
export function parseOccasions(text: string): Occasion[] {
  return text.split(',').map((part) => {
    const m = /^(?:([^=]*)=)?(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(part.trim())
    if (!m) throw new UserError(`bad occasion "${part}": write LABEL=YYYY-MM-DD..YYYY-MM-DD`)
    return { label: m[1]?.trim() ?? '', from: m[2] ?? '', to: m[3] ?? '' }
  })
}

/** Writes one export of a catalogue; the catalogue itself is only read. */
export const exportCommand = {
  run: async (argv: string[]): Promise<number> => {
    const values = parseOptions(
      argv,
      {
        catalog: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        occasions: { type: 'string' },
        batch: { type: 'string' },
        json: { type: 'boolean' }
      },
      USAGE
    )
    const format = required(values.format, '--format', USAGE) as ExportFormat
    if (!FORMATS.includes(format))
      throw new UserError(`unknown --format ${format}\nUsage: ${USAGE}`)
    if (format === 'capture-history' && !values.occasions) {
      throw new UserError(`capture-history needs --occasions\nUsage: ${USAGE}`)
    }
    const request: ExportRequest = {
      format,
      out: required(values.out, '--out', USAGE),
      ...(values.occasions ? { occasions: parseOccasions(values.occasions) } : {}),
      ...(values.batch ? { batchId: values.batch } : {})
    }
    const core = new AppCore({ app: 'flukeprint export' })
    // Exports only read the catalogue, so they run beside an app that has it open; a Kaggle
    // submission may embed photos into the catalogue's index, so it takes the lock.
    await core.openCatalog(required(values.catalog, '--catalog', USAGE), false, format !== 'kaggle')
    const final = await followJob(core, () => startExport(core, request))
    const result = final.result ?? {}
    if (values.json) {
      process.stdout.write(
        `${JSON.stringify({ state: final.state, error: final.error, ...result })}\n`
      )
    } else if (final.state === 'done') {
      process.stdout.write(`${result.outPath ?? ''}: ${result.written ?? 0} written\n`)
    }
    for (const file of result.rejected ?? []) {
      process.stderr.write(`skipped ${file.file}: ${file.reason}\n`)
    }
    if (final.state === 'failed') throw new UserError(final.error ?? 'the export failed')
    return final.state === 'done' ? 0 : 130
  }
}
