import type { MustDifferLink } from './must-differ'
import type { SeededRandom } from './seeded-random'

/**
 * One epoch as a list of batches, each a list of at most P units (class ids, or pseudo-class
 * ids >= classCount). Every class appears in at least one batch of the epoch, in a seeded
 * order. The units linked by must-differ pairs to a unit already in the batch come first, so
 * a photo marked "different" meets that individual as a hard negative; a class brought in
 * this way counts as seen for the epoch; a class whose partners would not fit in the batch's
 * free slots waits for the next batch, so an epoch can take a step more than ceil(classes / P).
 * Slots left at the end are topped up with random other classes, so every batch has P units
 * while there are enough classes.
 */
export function planEpoch(
  classCount: number,
  P: number,
  links: ReadonlyMap<number, readonly MustDifferLink[]>,
  rng: SeededRandom
): number[][] {
  const order = rng.shuffled(Array.from({ length: classCount }, (_, c) => c))
  const seen = new Uint8Array(classCount)
  let cursor = 0
  const batches: number[][] = []
  while (cursor < order.length) {
    const batch: number[] = []
    const pending: number[] = []
    const fits = (c: number) =>
      batch.length === 0 || 1 + partnersMissing(c, batch, links) <= P - batch.length
    const nextUnseen = () => {
      while (cursor < order.length && seen[order[cursor] ?? 0]) cursor++
      for (let i = cursor; i < order.length; i++) {
        const c = order[i] ?? 0
        if (!seen[c] && fits(c)) return c
      }
      return undefined
    }
    while (batch.length < P) {
      let unit = pending.shift()
      if (unit !== undefined && batch.includes(unit)) continue
      unit ??= nextUnseen() ?? topUp(classCount, batch, fits, rng)
      if (unit === undefined) break
      batch.push(unit)
      if (unit < classCount) seen[unit] = 1
      for (const l of links.get(unit) ?? []) pending.push(l.other)
    }
    batches.push(batch)
    while (cursor < order.length && seen[order[cursor] ?? 0]) cursor++
  }
  return batches
}

function partnersMissing(
  unit: number,
  batch: readonly number[],
  links: ReadonlyMap<number, readonly MustDifferLink[]>
): number {
  const others = new Set((links.get(unit) ?? []).map((l) => l.other))
  return [...others].filter((o) => !batch.includes(o)).length
}

/** A random class not yet in the batch (one whose partners fit, if any), or undefined. */
function topUp(
  classCount: number,
  batch: readonly number[],
  fits: (c: number) => boolean,
  rng: SeededRandom
) {
  const taken = new Set(batch)
  const free: number[] = []
  for (let c = 0; c < classCount; c++) if (!taken.has(c)) free.push(c)
  const fitting = free.filter(fits)
  const pool = fitting.length ? fitting : free
  return pool.length ? pool[rng.int(pool.length)] : undefined
}
