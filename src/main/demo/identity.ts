// An individual whale: what stays the same in every photo of it (silhouette and pigmentation).
import { randomShape, type FlukeShape } from './fluke-shape'
import { randomPigmentation, type Pigmentation } from './pigmentation'
import { hashSeed, Rng } from './prng'

export interface FlukeIdentity {
  /** The seed and index it was made from, so it can be made again anywhere. */
  seed: number
  index: number
  shape: FlukeShape
  pigmentation: Pigmentation
}

/** Identity tag mixed into seeds, so identities never share a stream with photo variations. */
const IDENTITY_STREAM = 0x1d

/** The `index`-th individual of a dataset made with `seed`; the same inputs give the same whale. */
export function identityFor(seed: number, index: number): FlukeIdentity {
  const rng = new Rng(hashSeed(seed, IDENTITY_STREAM, index))
  const shape = randomShape(rng.fork(1))
  const pigmentation = randomPigmentation(rng.fork(2), shape)
  return { seed, index, shape, pigmentation }
}
