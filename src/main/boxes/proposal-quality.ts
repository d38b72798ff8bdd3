// What the Models page shows about box proposals: which method proposes boxes for new imports,
// how many checked boxes there are to learn from, and the newest learned proposer's mean IoU
// beside the untrained method's on the checked boxes it was not fitted on.
import type { BoxProposalQuality } from '../../shared/contract'
import type { Annotation, CatalogData, Photo } from '../../shared/domain'

/** Fewer checked boxes than this teach too little to be worth a file. */
export const MIN_CORRECTED_BOXES = 20

export function boxProposalQuality(data: CatalogData): BoxProposalQuality {
  const latest = data.boxProposers.at(-1) ?? null
  return {
    inUse: data.boxProposerId ?? 'untrained',
    checkedBoxes: correctedPhotos(data).length,
    needed: MIN_CORRECTED_BOXES,
    latest: latest && {
      id: latest.id,
      createdAt: latest.createdAt,
      trainedOn: latest.trainedOn,
      heldOut: latest.heldOut,
      learnedIoU: latest.learnedIoU,
      untrainedIoU: latest.untrainedIoU
    }
  }
}

/**
 * Photos with exactly one box, saved by a person (source 'corrected', moved or confirmed as
 * fine); ordered by content hash so that splits repeat. With two flukes in a photo the single
 * proposal has no one box to be compared with, so such photos are left out.
 */
export function correctedPhotos(data: CatalogData): { photo: Photo; box: Annotation['box'] }[] {
  const byPhoto = new Map<string, Annotation[]>()
  for (const a of data.annotations) byPhoto.set(a.photoId, [...(byPhoto.get(a.photoId) ?? []), a])
  const out: { photo: Photo; box: Annotation['box'] }[] = []
  for (const photo of data.photos) {
    const boxes = byPhoto.get(photo.id) ?? []
    const only = boxes[0]
    if (boxes.length === 1 && only?.source === 'corrected') out.push({ photo, box: only.box })
  }
  return out.sort((a, b) => (a.photo.hash < b.photo.hash ? -1 : 1))
}
