// Names of new individuals, shared by review ("new whale") and splitting.
import { randomUUID } from 'node:crypto'
import type { CatalogData, Individual } from '../../shared/domain'
import { NEW_WHALE } from '../../shared/domain'
import { UserError } from '../errors'

/** Adds an individual named as asked, or FP-<year>-<n> when no name is given. */
export function createIndividual(
  data: CatalogData,
  requestedName: string | null,
  now: string,
  takenHint = 'choose it instead, or pick another name'
): Individual {
  const name = requestedName?.trim() || generatedName(data, now)
  if (name === NEW_WHALE) throw new UserError(`"${NEW_WHALE}" is not a name: it means unknown`)
  // Merged individuals keep their names: a name always means one whale's history.
  if (data.individuals.some((i) => i.name === name)) {
    throw new UserError(
      `An individual named ${name} is already in the catalogue: ${takenHint}`,
      'conflict'
    )
  }
  const individual: Individual = {
    id: randomUUID(),
    name,
    notes: '',
    createdAt: now,
    mergedIntoId: null
  }
  data.individuals.push(individual)
  return individual
}

/** FP-<year>-<n>: the next number free in that year's names. */
function generatedName(data: CatalogData, now: string): string {
  const prefix = `FP-${now.slice(0, 4)}-`
  const used = new Set(data.individuals.map((i) => i.name))
  let n = 1
  while (used.has(`${prefix}${String(n).padStart(3, '0')}`)) n += 1
  return `${prefix}${String(n).padStart(3, '0')}`
}

/** Maps an individual to the one it lives on in after merges (itself when never merged). */
export function survivorOf(data: CatalogData): (id: string) => string {
  const byId = new Map(data.individuals.map((i) => [i.id, i]))
  return (id) => {
    let current = byId.get(id)
    const seen = new Set<string>()
    while (current?.mergedIntoId && !seen.has(current.id)) {
      seen.add(current.id)
      current = byId.get(current.mergedIntoId)
    }
    return current?.id ?? id
  }
}
