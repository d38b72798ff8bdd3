/**
 * "Photo A is not the same whale as photo B", from a biologist. A unit is what the sampler puts
 * in a batch: a class id c < classCount, or classCount + item for an unassigned photo that
 * stands as its own one-photo pseudo-class.
 */
export type MustDifferPair = readonly [itemA: number, itemB: number]

export type MustDifferLink = { item: number; other: number }

export type IgnoredPair = { pair: [number, number]; reason: 'same individual' | 'both unassigned' }

export type MustDifferIndex = {
  /** unit -> its items that are in a pair, with the unit on the other side. */
  links: Map<number, MustDifferLink[]>
  /** Pairs that cannot be used; the trainer may report them. */
  ignored: IgnoredPair[]
}

export function indexMustDiffer(
  pairs: readonly MustDifferPair[],
  classOfItem: Int32Array,
  classCount: number
): MustDifferIndex {
  const unitOf = (item: number) => {
    const c = classOfItem[item] ?? -1
    return c >= 0 ? c : classCount + item
  }
  const links = new Map<number, MustDifferLink[]>()
  const link = (unit: number, item: number, other: number) => {
    const list = links.get(unit) ?? []
    if (!list.some((l) => l.item === item && l.other === other)) list.push({ item, other })
    links.set(unit, list)
  }
  const ignored: IgnoredPair[] = []
  for (const [a, b] of pairs) {
    for (const item of [a, b]) {
      if (!Number.isInteger(item) || item < 0 || item >= classOfItem.length) {
        throw new RangeError(
          `mustDiffer item ${item} is not one of the ${classOfItem.length} items`
        )
      }
    }
    const [ua, ub] = [unitOf(a), unitOf(b)]
    if (ua === ub) {
      // The labels say one whale; the biologist says two. Trust neither inside the loss.
      ignored.push({ pair: [a, b], reason: 'same individual' })
    } else if (ua >= classCount && ub >= classCount) {
      // Neither side has a class, so neither is ever drawn to bring the other along.
      ignored.push({ pair: [a, b], reason: 'both unassigned' })
    } else {
      link(ua, a, ub)
      link(ub, b, ua)
    }
  }
  return { links, ignored }
}
