import { resolve } from 'node:path'
import { Catalog } from '../../catalog/catalog'
import { initBackend } from '../../engine/backend'
import { updateIndex } from '../../engine/index/embedding-index'
import { matchQuery } from '../../engine/match/match-query'
import { embedItems } from '../../engine/run/embed-items'
import { loadEmbedder } from '../../engine/run/embedder'
import { UserError } from '../../errors'
import { parseOptions, required } from '../options'
import { stageReporter } from '../progress'

const USAGE = 'flukeprint match --model MODEL_DIR --catalog DIR --image FILE [--json] [--limit N]'

export const matchCommand = {
  run: async (argv: string[]): Promise<number> => {
    const values = parseOptions(
      argv,
      {
        model: { type: 'string' },
        catalog: { type: 'string' },
        image: { type: 'string' },
        json: { type: 'boolean' },
        limit: { type: 'string' }
      },
      USAGE
    )
    const backend = await initBackend()
    process.stderr.write(`backend: ${backend.name} (${backend.reason})\n`)
    const embedder = await loadEmbedder(resolve(required(values.model, '--model', USAGE)))
    const catalog = await Catalog.open(required(values.catalog, '--catalog', USAGE), {
      create: false,
      readOnly: true
    })
    const report = stageReporter()
    const index = await updateIndex(catalog.dir, catalog.data, embedder, {
      onProgress: report
    })
    const image = resolve(required(values.image, '--image', USAGE))
    const { vectors, failures } = await embedItems(embedder, [
      { key: image, path: image, box: null, rotation: 0, label: null }
    ])
    const query = vectors[0]
    if (!query)
      throw new UserError(`cannot read ${image}: ${failures[0]?.reason ?? 'unknown error'}`)
    const result = matchQuery(query, index, catalog.data, embedder.record.newWhaleThreshold, {
      limit: Number(values.limit ?? 5)
    })
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`)
    else {
      for (const [i, c] of result.candidates.entries()) {
        process.stdout.write(`${i + 1}. ${c.name}  ${c.score.toFixed(3)}  (${c.fileName})\n`)
      }
      process.stdout.write(
        `prediction: ${result.prediction.join(' ')}  (new_whale below ${result.threshold.toFixed(3)})\n`
      )
    }
    return 0
  }
}
