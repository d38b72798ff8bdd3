import * as tf from '@tensorflow/tfjs'
import { isActive, marginLoss, type Margin } from './margin'
import { countTrue, safeDivide, withoutGradient, type TripletMasks } from './masks'

export type LossResult = { loss: tf.Scalar; activeShare: tf.Scalar }

// Distances lie in [0, 2]; these stand in for "excluded" in max/min and are never selected
// while a real candidate exists. tf.where (not a multiply) keeps their gradient exactly 0.
const BELOW_ANY = -10
const ABOVE_ANY = 10

/** Mean over usable anchors of one (positive, negative) gap per anchor. */
function perAnchor(gap: tf.Tensor1D, anchor: tf.Tensor1D, margin: Margin): LossResult {
  const losses = tf.where(anchor, marginLoss(gap, margin), tf.zerosLike(gap))
  const anchors = countTrue(anchor)
  const active = countTrue(tf.logicalAnd(anchor, isActive(gap, margin)))
  return { loss: safeDivide(tf.sum(losses), anchors), activeShare: safeDivide(active, anchors) }
}

/** Hermans et al.: per anchor its farthest positive and nearest negative in the batch. */
export function batchHard(d: tf.Tensor2D, masks: TripletMasks, margin: Margin): LossResult {
  const hardestPositive = tf.max(tf.where(masks.positive, d, tf.fill(d.shape, BELOW_ANY)), 1)
  const hardestNegative = tf.min(tf.where(masks.negative, d, tf.fill(d.shape, ABOVE_ANY)), 1)
  return perAnchor(tf.sub(hardestPositive, hardestNegative), masks.anchor, margin)
}

/**
 * Every valid (a, p, n). A hinge averages over the triplets with a non-zero loss only (as the
 * paper does; the easy ones would dilute the gradient); the soft margin is never zero, so it
 * averages over all of them. Each temporary holds N^3 values: 2.1 million at N = 128.
 */
export function batchAll(d: tf.Tensor2D, masks: TripletMasks, margin: Margin): LossResult {
  const gap = tf.sub(tf.expandDims(d, 2), tf.expandDims(d, 1))
  const valid = tf.logicalAnd(tf.expandDims(masks.positive, 2), tf.expandDims(masks.negative, 1))
  const losses = tf.where(valid, marginLoss(gap, margin), tf.zerosLike(gap))
  const active = withoutGradient(gap, (g) => countTrue(tf.logicalAnd(valid, isActive(g, margin))))
  const triplets = countTrue(valid)
  const counted = margin === 'soft' ? triplets : (active as tf.Scalar)
  return {
    loss: safeDivide(tf.sum(losses), counted),
    activeShare: safeDivide(active as tf.Scalar, triplets)
  }
}

/**
 * The seed notebook's code: per anchor one positive and one negative drawn uniformly from the
 * batch. Scoring the candidates with uniform noise and taking the arg max draws uniformly
 * among them, in tensors, reproducibly when seeded.
 */
export function randomTriplets(
  d: tf.Tensor2D,
  masks: TripletMasks,
  margin: Margin,
  seed: number | undefined
): LossResult {
  const n = d.shape[0]
  const noise = tf.randomUniform([2, n, n], 1, 2, 'float32', seed)
  const [positiveNoise, negativeNoise] = tf.unstack(noise) as [tf.Tensor2D, tf.Tensor2D]
  const pick = (mask: tf.Tensor2D, scores: tf.Tensor2D) =>
    tf.oneHot(tf.argMax(tf.where(mask, scores, tf.zerosLike(scores)), 1), n)
  const positive = tf.sum(tf.mul(d, pick(masks.positive, positiveNoise)), 1)
  const negative = tf.sum(tf.mul(d, pick(masks.negative, negativeNoise)), 1)
  return perAnchor(tf.sub<tf.Tensor1D>(positive, negative), masks.anchor, margin)
}
