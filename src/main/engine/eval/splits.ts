import { isUnknownLabel } from '../sampler/classes'
import { compareCodePoints, Mt19937 } from './numpy-compat'

export type IdentitySplit = {
  /** Item indices, in item order. Whole whales go to one side or the other. */
  train: number[]
  test: number[]
  /** Photos of no known individual (null, empty, new_whale): on neither side. */
  unknown: number[]
}

/** Item indices of each whale, whales sorted, and the unknown photos. */
function byWhale(labels: ReadonlyArray<string | null>) {
  const items = new Map<string, number[]>()
  const unknown: number[] = []
  labels.forEach((label, i) => {
    if (label === null || isUnknownLabel(label)) unknown.push(i)
    else items.set(label, [...(items.get(label) ?? []), i])
  })
  const whales = [...items.keys()].sort(compareCodePoints)
  return { whales, items, unknown }
}

function checkFraction(name: string, fraction: number) {
  if (!(fraction >= 0 && fraction <= 1))
    throw new RangeError(`${name} must be in [0, 1], got ${fraction}`)
}

/**
 * Identity-disjoint split: round(fraction x whales) whales, drawn with numpy's
 * RandomState(seed) over the sorted ids, go to test with all their photos; the rest to train.
 */
export function identitySplit(
  labels: ReadonlyArray<string | null>,
  fraction: number,
  seed: number
): IdentitySplit {
  checkFraction('fraction', fraction)
  const { whales, items, unknown } = byWhale(labels)
  const perm = new Mt19937(seed).permutation(whales.length)
  const testWhales = new Set(perm.slice(0, Math.round(fraction * whales.length)))
  const train: number[] = []
  const test: number[] = []
  whales.forEach((whale, w) => (testWhales.has(w) ? test : train).push(...(items.get(whale) ?? [])))
  return { train: train.sort((a, b) => a - b), test: test.sort((a, b) => a - b), unknown }
}

export type ValidationSplit = {
  /** Photos to train on: whales outside the validation set. */
  train: number[]
  /** What queries are ranked against: the training photos (distractors, as in the real
   * catalogue) plus the validation whales' photos that are not queries. */
  gallery: number[]
  /** One photo per validation whale. Its truth is its whale when other photos of the whale
   * are in the gallery, new_whale when the whale is held out (score with evaluateQueries,
   * which derives the truth from the gallery). */
  queries: number[]
  /** Validation whales held out of the gallery entirely: they must come out as new_whale. */
  heldOut: string[]
}

/**
 * A validation split inside a training catalogue that never leaks: validation whales are
 * never trained on, and a query is never in the gallery. Of the validation whales, whales with
 * a single photo and a heldOutShare of the others are held out (new_whale); the rest keep all
 * photos but the query in the gallery. Unknown photos are left out: in a catalogue an
 * unassigned photo may be a known whale, so it cannot be scored as new_whale.
 */
export function validationSplit(
  labels: ReadonlyArray<string | null>,
  options: { fraction: number; heldOutShare?: number; seed: number }
): ValidationSplit {
  const heldOutShare = options.heldOutShare ?? 0.5
  checkFraction('heldOutShare', heldOutShare)
  const { train, test } = identitySplit(labels, options.fraction, options.seed)
  const { whales, items } = byWhale(test.map((i) => labels[i] ?? null))
  const rng = new Mt19937(options.seed + 1)
  const order = rng.permutation(whales.length).map((w) => whales[w] as string)
  const multi = order.filter((w) => (items.get(w)?.length ?? 0) > 1)
  const held = new Set([
    ...order.filter((w) => items.get(w)?.length === 1),
    ...multi.slice(0, Math.round(heldOutShare * multi.length))
  ])
  const gallery = [...train]
  const queries: number[] = []
  for (const whale of whales) {
    const photos = (items.get(whale) ?? []).map((local) => test[local] as number)
    const q = rng.interval(photos.length - 1)
    queries.push(photos[q] as number)
    if (!held.has(whale)) gallery.push(...photos.filter((_, i) => i !== q))
  }
  return {
    train,
    gallery: gallery.sort((a, b) => a - b),
    queries: queries.sort((a, b) => a - b),
    heldOut: whales.filter((w) => held.has(w))
  }
}
