// Fits a box proposer to the boxes the biologist corrected and lets it propose boxes for new
// imports when it does better than the untrained method on corrected boxes it was not fitted
// on. A photo counts when it has exactly one box and that box was saved by a person (source
// 'corrected', whether moved or confirmed as fine): with two flukes, the single proposal has
// no one box to be compared with. Nothing in the catalogue changes unless the run finishes.
import { rm } from 'node:fs/promises'
import type { JobResult } from '../../shared/contract'
import type { BoxProposerVersion } from '../../shared/domain'
import type { Catalog } from '../catalog/catalog'
import { UserError } from '../errors'
import { ensureCachedImage } from '../images/thumbnails'
import { THUMB_SIZE } from '../images/limits'
import type { JobContext } from '../jobs/job-manager'
import { analysePhoto } from './background-distance'
import { correctedPhotos, MIN_CORRECTED_BOXES } from './proposal-quality'
import { fitRefiner, meanIoU, type RefinerSample } from './learned-refiner'
import { toUnit, untrainedUnitBox } from './propose-box'
import { proposerPath, writeProposer } from './proposer-store'
import { learnedTakesOver } from './takeover'

/** Every HOLD_OUT_EVERY-th corrected photo (by content hash) scores the run. */
const HOLD_OUT_EVERY = 4

export interface BoxTrainingOutcome extends JobResult {
  boxProposerId: string
  /** True when the new proposer now proposes the boxes of new imports. */
  inUse: boolean
}

export async function trainBoxProposer(
  catalog: Catalog,
  context: Pick<JobContext, 'signal' | 'progress'>
): Promise<BoxTrainingOutcome> {
  const photos = correctedPhotos(catalog.data)
  if (photos.length < MIN_CORRECTED_BOXES) {
    throw new UserError(
      `Not enough checked boxes to learn from: ${photos.length} photo(s) with one box saved by hand, and it needs ${MIN_CORRECTED_BOXES}. Check more boxes in the photo editor ("Boxes are fine" counts).`
    )
  }
  const samples: RefinerSample[] = []
  for (const [i, { photo, box }] of photos.entries()) {
    context.signal.throwIfAborted()
    context.progress(i, photos.length, `Reading checked boxes ${i}/${photos.length}`)
    const image = await ensureCachedImage(catalog.thumbsDir, photo, THUMB_SIZE)
    const analysis = await analysePhoto(image)
    samples.push({ analysis, untrained: untrainedUnitBox(analysis), truth: toUnit(box, photo) })
  }
  const held = (i: number) => i % HOLD_OUT_EVERY === HOLD_OUT_EVERY - 1
  const training = samples.filter((_, i) => !held(i))
  const heldOut = samples.filter((_, i) => held(i))
  context.progress(photos.length, photos.length, `Fitting on ${training.length} boxes`)
  const params = fitRefiner(training)
  const score = {
    heldOut: heldOut.length,
    learnedIoU: round(meanIoU(heldOut, params)),
    untrainedIoU: round(meanIoU(heldOut, null))
  }
  const id = `boxes-${new Date().toISOString().replace(/[:.]/g, '-')}`
  context.signal.throwIfAborted()
  await writeProposer(catalog.dir, `${id}.json`, params)
  const version: BoxProposerVersion = {
    id,
    createdAt: new Date().toISOString(),
    file: `${id}.json`,
    trainedOn: training.length,
    ...score
  }
  const inUse = learnedTakesOver(score)
  try {
    context.signal.throwIfAborted()
    await catalog.update((data) => {
      data.boxProposers.push(version)
      // The newest measurement decides: a learned proposer that did not beat the untrained
      // method hands proposing back to it.
      data.boxProposerId = inUse ? id : null
    })
  } catch (error) {
    // Cancelled or not written: the file no record names goes too.
    await rm(proposerPath(catalog.dir, version.file), { force: true })
    throw error
  }
  return { boxProposerId: id, inUse }
}

const round = (v: number) => Math.round(v * 1000) / 1000
