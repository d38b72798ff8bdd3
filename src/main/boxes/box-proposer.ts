// The box proposal made at import, by whichever method the catalogue uses: its learned
// proposer once one proved better on the corrected boxes, else the untrained method. The
// annotation records which one proposed its box (Annotation.proposedBy).
import type { Box, CatalogData } from '../../shared/domain'
import { analysePhoto } from './background-distance'
import { refineBox, type RefinerParams } from './learned-refiner'
import { readProposer } from './proposer-store'
import { toPixels, untrainedUnitBox } from './propose-box'

export interface Proposal {
  /** In upright original pixels; null: nothing stood out, the whole photo is kept. */
  box: Box | null
  proposedBy: string
}

export interface BoxProposer {
  /** `image`: upright (e.g. the thumbnail); `size`: the upright original's pixel size. */
  propose(image: string | Buffer, size: { width: number; height: number }): Promise<Proposal>
}

export const untrainedProposer: BoxProposer = { propose: (image, size) => propose(image, size) }

export function learnedProposer(id: string, params: RefinerParams): BoxProposer {
  return { propose: (image, size) => propose(image, size, { id, params }) }
}

/** The catalogue's proposer in use; an unreadable file falls back to the untrained method. */
export async function loadBoxProposer(catalogDir: string, data: CatalogData): Promise<BoxProposer> {
  const version = data.boxProposers.find((p) => p.id === data.boxProposerId)
  if (!version) return untrainedProposer
  try {
    return learnedProposer(version.id, await readProposer(catalogDir, version.file))
  } catch {
    return untrainedProposer
  }
}

async function propose(
  image: string | Buffer,
  size: { width: number; height: number },
  learned?: { id: string; params: RefinerParams }
): Promise<Proposal> {
  const analysis = await analysePhoto(image)
  const untrained = untrainedUnitBox(analysis)
  // The refiner starts from the untrained box; when nothing stood out there is nothing to refine.
  if (!untrained) return { box: null, proposedBy: 'whole-image' }
  if (!learned) return { box: toPixels(untrained, size), proposedBy: 'untrained' }
  const box = toPixels(refineBox(analysis, untrained, learned.params), size)
  return { box, proposedBy: `learned:${learned.id}` }
}
