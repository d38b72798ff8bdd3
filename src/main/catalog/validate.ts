// Turns the parsed JSON of a catalogue file into checked CatalogData: schema version,
// migration of older versions, shape, and the references between records.
import { CATALOG_SCHEMA_VERSION, type CatalogData } from '../../shared/domain'
import { catalogSchema } from './schema'

/** Each entry lifts a file from version N to N + 1. Version 1 is the first. */
const migrations: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // 2: decisions can be undone and name the assignment they made; models name the model
  // they were compared with. Version 1 never wrote decisions or models, but old rows get
  // the neutral values all the same.
  1: (old) => ({
    ...old,
    decisions: rows(old.decisions).map((d) => ({
      assignmentId: null,
      createdIndividual: false,
      undoneAt: null,
      ...d
    })),
    models: rows(old.models).map((m) => ({ comparedWith: null, ...m }))
  }),
  // 3: individuals can be merged (kept, marked with the one they went into) and the
  // catalogue keeps a log of merges, splits and deleted boxes. Nothing was merged before.
  2: (old) => ({
    ...old,
    individuals: rows(old.individuals).map((i) => ({ mergedIntoId: null, ...i })),
    changes: rows(old.changes)
  })
}

const rows = (value: unknown): Record<string, unknown>[] =>
  Array.isArray(value) ? (value as Record<string, unknown>[]) : []

export class InvalidCatalogError extends Error {}

export function validateCatalog(raw: unknown): CatalogData {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new InvalidCatalogError('the file is not a Flukeprint catalogue (no JSON object)')
  }
  let data = raw as Record<string, unknown>
  let version = data.schemaVersion
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new InvalidCatalogError('the file has no schema version')
  }
  if (version > CATALOG_SCHEMA_VERSION) {
    throw new InvalidCatalogError(
      `the catalogue was written by a newer Flukeprint (schema ${version}, this version reads up to ${CATALOG_SCHEMA_VERSION}); update Flukeprint to open it`
    )
  }
  while (version < CATALOG_SCHEMA_VERSION) {
    const step = migrations[version]
    if (!step) throw new InvalidCatalogError(`no migration from schema version ${version}`)
    data = { ...step(data), schemaVersion: version + 1 }
    version += 1
  }
  const parsed = catalogSchema.safeParse(data)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    const where = first ? first.path.join('.') : '?'
    throw new InvalidCatalogError(`invalid record at ${where}: ${first?.message ?? 'unknown'}`)
  }
  checkReferences(parsed.data)
  return parsed.data
}

function checkReferences(data: CatalogData): void {
  const ids = (rows: { id: string }[], what: string) => {
    const set = new Set<string>()
    for (const row of rows) {
      if (set.has(row.id)) throw new InvalidCatalogError(`duplicate ${what} id ${row.id}`)
      set.add(row.id)
    }
    return set
  }
  const photos = ids(data.photos, 'photo')
  const individuals = ids(data.individuals, 'individual')
  const sightings = ids(data.sightings, 'sighting')
  const batches = ids(data.batches, 'batch')
  ids(data.annotations, 'annotation')
  const hashes = new Set<string>()
  for (const photo of data.photos) {
    if (hashes.has(photo.hash)) throw new InvalidCatalogError(`photo ${photo.id} is a duplicate`)
    hashes.add(photo.hash)
    if (!batches.has(photo.batchId)) {
      throw new InvalidCatalogError(`photo ${photo.id} names a missing batch ${photo.batchId}`)
    }
    if (photo.sightingId !== null && !sightings.has(photo.sightingId)) {
      throw new InvalidCatalogError(`photo ${photo.id} names a missing sighting`)
    }
  }
  for (const annotation of data.annotations) {
    if (!photos.has(annotation.photoId)) {
      throw new InvalidCatalogError(`annotation ${annotation.id} names a missing photo`)
    }
    if (annotation.individualId !== null && !individuals.has(annotation.individualId)) {
      throw new InvalidCatalogError(`annotation ${annotation.id} names a missing individual`)
    }
  }
  checkMerges(data, individuals)
}

/** A merged individual points at one that exists, and following the links never loops. */
function checkMerges(data: CatalogData, individuals: Set<string>): void {
  const into = new Map(data.individuals.map((i) => [i.id, i.mergedIntoId]))
  for (const individual of data.individuals) {
    const seen = new Set([individual.id])
    let next = individual.mergedIntoId
    while (next !== null) {
      if (!individuals.has(next)) {
        throw new InvalidCatalogError(`individual ${individual.id} was merged into a missing one`)
      }
      if (seen.has(next)) throw new InvalidCatalogError(`individual ${individual.id} merge loop`)
      seen.add(next)
      next = into.get(next) ?? null
    }
  }
}
