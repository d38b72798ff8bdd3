import * as tf from '@tensorflow/tfjs'

export type TripletMasks = {
  /** [N, N] same class, not the same row. A row's augmented copy counts: it is another view. */
  positive: tf.Tensor2D
  /** [N, N] different class. */
  negative: tf.Tensor2D
  /** [N] rows with at least one positive and one negative: the only usable anchors. */
  anchor: tf.Tensor1D
}

/** Boolean masks from int32 class ids; not differentiable and need not be. */
export function tripletMasks(labels: tf.Tensor1D): TripletMasks {
  return tf.tidy(() => {
    const n = labels.shape[0]
    const ids = tf.cast(labels, 'int32')
    const same = tf.equal<tf.Tensor2D>(tf.expandDims(ids, 1), tf.expandDims(ids, 0))
    const self = tf.cast<tf.Tensor2D>(tf.eye(n), 'bool')
    const positive = tf.logicalAnd<tf.Tensor2D>(same, tf.logicalNot(self))
    const negative = tf.logicalNot(same)
    const anchor = tf.logicalAnd<tf.Tensor1D>(tf.any(positive, 1), tf.any(negative, 1))
    return { positive, negative, anchor }
  })
}

/** Number of true entries, as a float scalar. */
export function countTrue(mask: tf.Tensor): tf.Scalar {
  return tf.sum(tf.cast(mask, 'float32'))
}

/** a / max(b, 1): the mean over an empty set is 0 rather than NaN, and stays differentiable. */
export function safeDivide(a: tf.Scalar, b: tf.Scalar): tf.Scalar {
  return tf.div(a, tf.maximum(b, 1))
}

/**
 * f(x) computed off the gradient tape, with a zero gradient to x. Comparisons of
 * differentiable values (which triplets are active) must go through here: tfjs has no
 * gradient for comparison kernels and refuses any tape that contains one.
 */
export function withoutGradient(x: tf.Tensor, f: (x: tf.Tensor) => tf.Tensor): tf.Tensor {
  const shape = x.shape
  return tf.customGrad((...args: Array<tf.Tensor | tf.GradSaveFunc>) => ({
    value: f(args[0] as tf.Tensor),
    gradFunc: () => tf.zeros(shape)
  }))(x)
}
