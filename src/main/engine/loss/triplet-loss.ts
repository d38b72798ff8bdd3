import * as tf from '@tensorflow/tfjs'
import { pairwiseDistances, type Distance } from './distances'
import { validateMargin, type Margin } from './margin'
import { tripletMasks } from './masks'
import { batchAll, batchHard, randomTriplets, type LossResult } from './mining'

export type Mining = 'batch-hard' | 'batch-all' | 'random'

export type TripletOptions = {
  mining: Mining
  /** A hinge margin in distance units, or 'soft' for log(1 + exp(d_ap - d_an)). */
  margin: Margin
  distance: Distance
  /** Random mining only: the same seed draws the same triplets; omitted, a fresh draw each call. */
  seed?: number
}

export type { LossResult }

/**
 * Triplet loss with online mining over one batch.
 *
 * labels are int32 class ids; rows with different ids are negatives of each other. An anchor
 * needs a positive and a negative in the batch: anchors without a positive are left out of
 * the mean rather than paired with themselves, because d(a, a) = 0 would turn their term into
 * "push every negative beyond the margin", a different loss with no identity signal. The P x K
 * sampler repeats (augmented) images, so in its batches every row has a positive.
 *
 * activeShare: share of the triplets used (anchors for batch-hard and random, all valid
 * triplets for batch-all) whose loss is still pushing; see SOFT_ACTIVE_GAP for the soft margin.
 * A batch without a usable anchor gives loss 0 and activeShare 0.
 *
 * Both results are new tensors owned by the caller; intermediates are released.
 */
export function tripletLoss(
  embeddings: tf.Tensor2D,
  labels: tf.Tensor1D,
  options: TripletOptions
): LossResult {
  validateMargin(options.margin)
  if (embeddings.rank !== 2 || labels.rank !== 1 || embeddings.shape[0] !== labels.shape[0]) {
    throw new RangeError(
      `tripletLoss needs embeddings [N, D] and labels [N], got [${embeddings.shape.join(', ')}] and [${labels.shape.join(', ')}]`
    )
  }
  return tf.tidy(() => {
    const d = pairwiseDistances(embeddings, options.distance)
    const masks = tripletMasks(labels)
    switch (options.mining) {
      case 'batch-hard':
        return batchHard(d, masks, options.margin)
      case 'batch-all':
        return batchAll(d, masks, options.margin)
      case 'random':
        return randomTriplets(d, masks, options.margin, options.seed)
      default:
        throw new RangeError(`unknown triplet mining ${String(options.mining)}`)
    }
  })
}
