import type { IndividualSummary } from '@shared/contract'

export type IndividualSort = 'name' | 'photos' | 'lastSeen'

const byName = new Intl.Collator(undefined, { numeric: true, sensitivity: 'base' })

/** Name search (case- and accent-blind) then the chosen order; ties fall back to the name. */
export function sortIndividuals(
  list: readonly IndividualSummary[],
  query: string,
  sort: IndividualSort
): IndividualSummary[] {
  const needle = query.trim().toLocaleLowerCase()
  const found = needle
    ? list.filter((i) => i.name.toLocaleLowerCase().includes(needle) || i.id === query.trim())
    : [...list]
  return found.sort((a, b) => {
    if (sort === 'photos' && a.photoCount !== b.photoCount) return b.photoCount - a.photoCount
    if (sort === 'lastSeen' && a.lastSeen !== b.lastSeen) {
      // Never-dated individuals go last.
      return (b.lastSeen ?? '').localeCompare(a.lastSeen ?? '')
    }
    return byName.compare(a.name, b.name)
  })
}
