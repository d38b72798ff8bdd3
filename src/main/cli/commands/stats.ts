import { Catalog } from '../../catalog/catalog'
import { catalogStats } from '../../catalog/queries'
import { parseOptions, required } from '../options'

const USAGE = 'flukeprint stats --catalog DIR [--json]'

export const statsCommand = {
  run: async (argv: string[]): Promise<number> => {
    const values = parseOptions(
      argv,
      { catalog: { type: 'string' }, json: { type: 'boolean' } },
      USAGE
    )
    const catalog = await Catalog.open(required(values.catalog, '--catalog', USAGE), {
      create: false,
      readOnly: true
    })
    const stats = catalogStats(catalog.data)
    if (values.json) process.stdout.write(`${JSON.stringify(stats)}\n`)
    else {
      process.stdout.write(
        `${catalog.dir}\n  photos       ${stats.photos}\n  annotations  ${stats.annotations}\n  individuals  ${stats.individuals}\n  unassigned   ${stats.unassigned}\n`
      )
    }
    return 0
  }
}
