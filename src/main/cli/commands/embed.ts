import { createWriteStream } from 'node:fs'
import { resolve } from 'node:path'
import { once } from 'node:events'
import { initBackend } from '../../engine/backend'
import { folderItems } from '../../engine/data/training-items'
import { embedItems } from '../../engine/run/embed-items'
import { loadEmbedder } from '../../engine/run/embedder'
import { UserError } from '../../errors'
import { parseOptions, required } from '../options'
import { stageReporter } from '../progress'

const USAGE = 'flukeprint embed --model MODEL_DIR --images DIR --out FILE.jsonl'

/** One JSON line per image: {"image": "<path relative to DIR, with />", "vector": [...]}. */
export const embedCommand = {
  run: async (argv: string[]): Promise<number> => {
    const values = parseOptions(
      argv,
      { model: { type: 'string' }, images: { type: 'string' }, out: { type: 'string' } },
      USAGE
    )
    const backend = await initBackend()
    process.stderr.write(`backend: ${backend.name} (${backend.reason})\n`)
    const embedder = await loadEmbedder(resolve(required(values.model, '--model', USAGE)))
    const items = await folderItems(resolve(required(values.images, '--images', USAGE)))
    if (items.length === 0) throw new UserError(`no images under ${values.images}`)
    const report = stageReporter()
    const { vectors, failures } = await embedItems(embedder, items, { onProgress: report })
    const out = createWriteStream(resolve(required(values.out, '--out', USAGE)))
    for (const [index, item] of items.entries()) {
      const vector = vectors[index]
      if (!vector) continue
      const line = `${JSON.stringify({ image: item.key, vector: Array.from(vector, (v) => +v.toFixed(6)) })}\n`
      if (!out.write(line)) await once(out, 'drain')
    }
    out.end()
    await once(out, 'finish')
    for (const failure of failures)
      process.stderr.write(`skipped ${failure.key}: ${failure.reason}\n`)
    process.stderr.write(`embedded ${items.length - failures.length} images\n`)
    return failures.length === items.length ? 1 : 0
  }
}
