import { resolve } from 'node:path'
import { initBackend } from '../../engine/backend'
import { kaggleTrainingSet } from '../../engine/data/training-items'
import { leaveOneOut, NEW_WHALE } from '../../engine/eval'
import { embedItems } from '../../engine/run/embed-items'
import { loadEmbedder } from '../../engine/run/embedder'
import { parseOptions, required } from '../options'
import { stageReporter } from '../progress'

const USAGE = 'flukeprint evaluate --model MODEL_DIR --data DIR [--json]'

/** Leave-one-out on DIR: every image a query against all the others, as evaluate.py scores. */
export const evaluateCommand = {
  run: async (argv: string[]): Promise<number> => {
    const values = parseOptions(
      argv,
      { model: { type: 'string' }, data: { type: 'string' }, json: { type: 'boolean' } },
      USAGE
    )
    const backend = await initBackend()
    process.stderr.write(`backend: ${backend.name} (${backend.reason})\n`)
    const embedder = await loadEmbedder(resolve(required(values.model, '--model', USAGE)))
    const set = await kaggleTrainingSet(resolve(required(values.data, '--data', USAGE)))
    const { vectors, failures } = await embedItems(embedder, set.items, {
      onProgress: stageReporter()
    })
    for (const failure of failures)
      process.stderr.write(`skipped ${failure.key}: ${failure.reason}\n`)
    const kept = set.items.flatMap((item, i) =>
      vectors[i] ? [{ vector: vectors[i], label: item.label ?? NEW_WHALE }] : []
    )
    const report = leaveOneOut(
      kept.map((k) => k.vector),
      kept.map((k) => k.label)
    )
    const result = {
      map5: report.map5,
      top1: report.top1,
      top5: report.top5,
      queries: report.queries,
      map5WithNew: report.map5WithNew
    }
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`)
    else
      process.stdout.write(
        `MAP@5 ${report.map5.toFixed(4)}  top-1 ${report.top1.toFixed(4)}  top-5 ${report.top5.toFixed(4)}  (${report.queries} queries)\n`
      )
    return 0
  }
}
