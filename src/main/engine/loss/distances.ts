import * as tf from '@tensorflow/tfjs'

export type Distance = 'cosine' | 'euclidean'

// Same floor as evaluate.py's normalise(): a zero vector stays zero instead of becoming NaN.
const NORM_FLOOR = 1e-12
// Floor of the squared Euclidean distance: identical points (a row and its unaugmented copy)
// sit 1e-6 apart with zero gradient, instead of at 0 where sqrt's derivative is infinite.
const SQUARED_FLOOR = 1e-12

/** Rows scaled to unit length; differentiable, and finite for an all-zero row. */
export function l2Normalize(x: tf.Tensor2D): tf.Tensor2D {
  return tf.tidy(() => {
    const squared = tf.sum(tf.square(x), 1, true)
    return tf.div(x, tf.sqrt(tf.maximum(squared, NORM_FLOOR * NORM_FLOOR)))
  })
}

/**
 * All pairwise distances [N, N] between the rows, after L2 normalisation (the network's
 * output need not be normalised). Cosine: 1 - cos, in [0, 2]. Euclidean: sqrt(2 - 2 cos), in
 * [0, 2]; identical pairs get 1e-6 and a zero gradient rather than sqrt's NaN at 0.
 */
export function pairwiseDistances(embeddings: tf.Tensor2D, distance: Distance): tf.Tensor2D {
  return tf.tidy(() => {
    const e = l2Normalize(embeddings)
    const cos = tf.matMul(e, e, false, true)
    if (distance === 'cosine') return tf.sub(1, cos)
    // tf.maximum passes no gradient to the floored side; it also absorbs rounding below 0.
    // (A comparison mask would not do: tfjs has no gradient for comparison ops on the tape.)
    return tf.sqrt(tf.maximum(tf.sub(2, tf.mul(2, cos)), SQUARED_FLOOR)) as tf.Tensor2D
  })
}
