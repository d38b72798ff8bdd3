import { resolve } from 'node:path'
import sharp from 'sharp'
import type { Box } from '../../../shared/domain'
import { proposeBox } from '../../boxes/propose-box'
import { Catalog } from '../../catalog/catalog'
import { initBackend } from '../../engine/backend'
import { updateIndex } from '../../engine/index/embedding-index'
import { predictWithThreshold } from '../../engine/eval'
import { embedItems } from '../../engine/run/embed-items'
import { loadEmbedder } from '../../engine/run/embedder'
import { UserError, errorMessage } from '../../errors'
import { probeImage } from '../../images/probe'
import { candidateList, prepareCandidateGallery } from '../../review/candidates'
import { parseOptions, required } from '../options'
import { stageReporter } from '../progress'

/** Pixels of the rendering the proposal reads (it works at 128; a little more keeps detail). */
const PROPOSAL_SOURCE = 512

const USAGE =
  'flukeprint match --model MODEL_DIR --catalog DIR --image FILE [--json] [--limit N] [--whole-image]'

export const matchCommand = {
  run: async (argv: string[]): Promise<number> => {
    const values = parseOptions(
      argv,
      {
        model: { type: 'string' },
        catalog: { type: 'string' },
        image: { type: 'string' },
        json: { type: 'boolean' },
        limit: { type: 'string' },
        // Match the whole photo instead of the box proposed around the fluke.
        'whole-image': { type: 'boolean' }
      },
      USAGE
    )
    const limit = Number(values.limit ?? 5)
    if (!Number.isInteger(limit) || limit < 1)
      throw new UserError(`--limit must be a whole number of 1 or more\n${USAGE}`)
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
    // The catalogue's photos are matched by their fluke boxes, so the query is too: the same
    // proposal import makes, unless the user asks for the whole photo.
    const box = values['whole-image'] ? null : await proposeQueryBox(image)
    process.stderr.write(`query box: ${box ? JSON.stringify(box) : 'the whole photo'}\n`)
    const { vectors, failures } = await embedItems(embedder, [
      { key: image, path: image, box, rotation: 0, label: null }
    ])
    const query = vectors[0]
    if (!query)
      throw new UserError(`cannot read ${image}: ${failures[0]?.reason ?? 'unknown error'}`)
    // The same ranking the review screen shows; the query is a file, not an annotation, so no
    // earlier "different" verdicts apply to it.
    const threshold = embedder.record.newWhaleThreshold
    const list = candidateList({
      data: catalog.data,
      gallery: prepareCandidateGallery(catalog.data, index),
      query,
      annotationId: '',
      threshold,
      // A Kaggle prediction names five, whatever the number of candidates printed.
      limit: Math.max(limit, 5)
    })
    const prediction = predictWithThreshold(
      list.candidates.map((c) => ({ id: c.name, score: c.score })),
      threshold
    )
    const result = { box, candidates: list.candidates.slice(0, limit), prediction, threshold }
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

async function proposeQueryBox(image: string): Promise<Box | null> {
  try {
    const size = await probeImage(image)
    const upright = await sharp(image)
      .rotate()
      .resize(PROPOSAL_SOURCE, PROPOSAL_SOURCE, { fit: 'inside' })
      .toBuffer()
    return await proposeBox(upright, size)
  } catch (error) {
    throw new UserError(`cannot read ${image}: ${errorMessage(error)}`)
  }
}
