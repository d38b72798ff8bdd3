// Turns a feature map into one vector per image.
import * as tf from '@tensorflow/tfjs'

/**
 * gap: mean over positions; gmp: max (the method's choice, robust to a fluke off centre);
 * gem: generalised mean with p = 3, between the two (Radenovic et al. 2018, image retrieval);
 * grid2, grid3: means over a 2x2 or 3x3 grid of regions, concatenated, which keeps the coarse
 * layout that aligned crops share (raw pixels keep all of it and are a strong baseline).
 */
export type Pooling = 'gap' | 'gmp' | 'gem' | 'grid2' | 'grid3'
export const POOLINGS: readonly Pooling[] = ['gap', 'gmp', 'gem', 'grid2', 'grid3']

const GEM_P = 3
// GeM needs positive inputs; linear (projection) layers can be negative, so clamp near zero.
const GEM_EPS = 1e-6

export function pooledLength(channels: number, pooling: Pooling): number {
  const cells = pooling === 'grid2' ? 4 : pooling === 'grid3' ? 9 : 1
  return channels * cells
}

export function pool(maps: tf.Tensor4D, pooling: Pooling): tf.Tensor2D {
  return tf.tidy(() => {
    if (pooling === 'gap') return tf.mean<tf.Tensor2D>(maps, [1, 2])
    if (pooling === 'gmp') return tf.max<tf.Tensor2D>(maps, [1, 2])
    if (pooling === 'gem') {
      const powered = tf.pow(tf.clipByValue(maps, GEM_EPS, Number.MAX_VALUE), GEM_P)
      return tf.pow<tf.Tensor2D>(tf.mean(powered, [1, 2]), 1 / GEM_P)
    }
    return gridMean(maps, pooling === 'grid2' ? 2 : 3)
  })
}

/** Adaptive average pooling to g x g (bins overlap by a row when the map does not divide). */
function gridMean(maps: tf.Tensor4D, g: number): tf.Tensor2D {
  const [, h = 0, w = 0] = maps.shape
  const bins = (size: number) =>
    Array.from({ length: g }, (_, i) => {
      const from = Math.floor((i * size) / g)
      return [from, Math.ceil(((i + 1) * size) / g) - from] as const
    })
  const cells: tf.Tensor2D[] = []
  for (const [y, dy] of bins(h)) {
    for (const [x, dx] of bins(w)) {
      cells.push(tf.mean<tf.Tensor2D>(tf.slice(maps, [0, y, x, 0], [-1, dy, dx, -1]), [1, 2]))
    }
  }
  return tf.concat(cells, 1)
}
