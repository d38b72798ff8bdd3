import * as tf from '@tensorflow/tfjs'

/** Scales each embedding to unit length, so cosine similarity is a dot product. */
export class L2Normalize extends tf.layers.Layer {
  static readonly className = 'FlukeprintL2Normalize'

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs
    if (!x) throw new Error('L2Normalize needs an input')
    return tf.tidy(() => {
      // The floor keeps an all-zero vector finite instead of NaN.
      const norm = tf.sqrt(tf.maximum(tf.sum(tf.square(x), -1, true), 1e-12))
      return tf.div(x, norm)
    })
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape
  }
}

// Registered on import so tf.loadLayersModel can rebuild saved models.
tf.serialization.registerClass(L2Normalize)
