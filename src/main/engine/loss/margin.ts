import * as tf from '@tensorflow/tfjs'

export type Margin = number | 'soft'

/**
 * With the soft margin every triplet has a non-zero loss, so "active" needs its own line: a
 * triplet counts as active while its negative is not at least this much farther than its
 * positive, i.e. while a hinge with margin 0.1 would still be pushing. Its gradient is then at
 * least sigmoid(-0.1) = 0.475, half strength or more. A collapsed batch (all distances equal)
 * reads 1.0, exactly as with a hinge, so the trainer's collapse check works for both.
 */
export const SOFT_ACTIVE_GAP = 0.1

/** Loss of each triplet from gap = d(a,p) - d(a,n): hinge max(gap + m, 0) or softplus(gap). */
export function marginLoss(gap: tf.Tensor, margin: Margin): tf.Tensor {
  // tf.softplus is the stable form (x for large x, exp(x) for very negative x).
  return margin === 'soft' ? tf.softplus(gap) : tf.relu(tf.add(gap, margin))
}

/** Triplets still being pushed: loss > 0 for a hinge, gap > -SOFT_ACTIVE_GAP for soft. */
export function isActive(gap: tf.Tensor, margin: Margin): tf.Tensor {
  return tf.greater(tf.add(gap, margin === 'soft' ? SOFT_ACTIVE_GAP : margin), 0)
}

export function validateMargin(margin: Margin): void {
  if (margin !== 'soft' && !(Number.isFinite(margin) && margin >= 0)) {
    throw new RangeError(`triplet margin must be a number >= 0 or 'soft', got ${String(margin)}`)
  }
}
