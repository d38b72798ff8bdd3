// Seeded randomness shared by the demo generator, augmentation and the sampler: the same seed
// must replay the same photos, batches and training run, which Math.random cannot.

/** mulberry32: tiny, fast, and ample for picture noise, augmentation and batch choice. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
