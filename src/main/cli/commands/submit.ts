import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { initBackend } from '../../engine/backend'
import { folderItems, kaggleTrainingSet } from '../../engine/data/training-items'
import { NEW_WHALE, predictWithThreshold, prepareGallery, rankIndividuals } from '../../engine/eval'
import { embedItems } from '../../engine/run/embed-items'
import { loadEmbedder } from '../../engine/run/embedder'
import { parseOptions, required } from '../options'
import { stageReporter } from '../progress'

const USAGE = 'flukeprint submit --model MODEL_DIR --train DIR --test DIR --out submission.csv'

/** A Kaggle submission: for each test image, five ids (new_whale at its threshold place). */
export const submitCommand = {
  run: async (argv: string[]): Promise<number> => {
    const values = parseOptions(
      argv,
      {
        model: { type: 'string' },
        train: { type: 'string' },
        test: { type: 'string' },
        out: { type: 'string' }
      },
      USAGE
    )
    const backend = await initBackend()
    process.stderr.write(`backend: ${backend.name} (${backend.reason})\n`)
    const embedder = await loadEmbedder(resolve(required(values.model, '--model', USAGE)))
    const train = await kaggleTrainingSet(resolve(required(values.train, '--train', USAGE)))
    const tests = await folderItems(resolve(required(values.test, '--test', USAGE)))
    const report = stageReporter()
    const gallery = await embedItems(embedder, train.items, { onProgress: report })
    const rows = train.items.flatMap((_, i) => (gallery.vectors[i] ? [i] : []))
    const prepared = prepareGallery({
      vectors: rows.map((i) => gallery.vectors[i] as Float32Array),
      labels: rows.map((i) => train.items[i]?.label ?? NEW_WHALE)
    })
    const queries = await embedItems(embedder, tests, { onProgress: report })
    const lines = ['Image,Id']
    tests.forEach((item, i) => {
      const vector = queries.vectors[i]
      const ids = vector
        ? predictWithThreshold(rankIndividuals(vector, prepared), embedder.record.newWhaleThreshold)
        : [NEW_WHALE]
      lines.push(`${item.key},${ids.join(' ')}`)
    })
    await writeFile(resolve(required(values.out, '--out', USAGE)), `${lines.join('\n')}\n`)
    for (const failure of queries.failures)
      process.stderr.write(`unreadable ${failure.key}: predicted new_whale (${failure.reason})\n`)
    process.stdout.write(`${JSON.stringify({ out: values.out, images: tests.length })}\n`)
    return 0
  }
}
