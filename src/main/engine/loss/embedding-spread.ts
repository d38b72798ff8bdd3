import * as tf from '@tensorflow/tfjs'
import { l2Normalize } from './distances'

/**
 * Mean cosine similarity over all pairs of distinct rows: a cheap collapse detector. Healthy
 * embeddings of different whales spread out (well below 0.9); the reference's collapsed
 * batch-hard run read 0.9996, every image mapped to nearly the same point, loss stuck at the
 * margin. Computed from the Gram matrix's total, so it costs one [N, D] x [D, N] product.
 * Reads the value back synchronously; NaN for fewer than 2 rows.
 */
export function embeddingSpread(embeddings: tf.Tensor2D): number {
  const n = embeddings.shape[0]
  if (n < 2) return Number.NaN
  const total = tf.tidy(() => {
    const e = l2Normalize(embeddings)
    // sum over i, j of e_i . e_j is |sum_i e_i|^2; the diagonal adds the squared norms.
    const sum = tf.sum(e, 0)
    return tf.sub(tf.sum(tf.square(sum)), tf.sum(tf.square(e)))
  })
  const offDiagonal = total.dataSync()[0] ?? Number.NaN
  total.dispose()
  return offDiagonal / (n * (n - 1))
}
