// The catalogue file's shape, checked on every load so a damaged or hand-edited file is
// reported instead of half-read. Keep in step with src/shared/domain.ts (the `satisfies`
// below fails to compile when they drift).
import { z } from 'zod'
import { CATALOG_SCHEMA_VERSION, type CatalogData } from '../../shared/domain'

const isoDate = z.string().min(1)
const geo = z.object({ lat: z.number(), lon: z.number(), alt: z.number().optional() })
const box = z.object({
  x: z.number().finite(),
  y: z.number().finite(),
  width: z.number().positive(),
  height: z.number().positive()
})

const photo = z.object({
  id: z.string().min(1),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  originalPath: z.string().min(1),
  fileName: z.string().min(1),
  byteSize: z.number().int().positive(),
  format: z.string(),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  orientation: z.number().int().min(1).max(8),
  takenAt: z.string().nullable(),
  gps: geo.nullable(),
  camera: z.object({ make: z.string().optional(), model: z.string().optional() }).nullable(),
  batchId: z.string().min(1),
  sightingId: z.string().nullable(),
  importedAt: isoDate
})

const annotation = z.object({
  id: z.string().min(1),
  photoId: z.string().min(1),
  box,
  rotation: z.number().finite(),
  source: z.enum(['whole-image', 'proposed', 'corrected']),
  viewpoint: z.string().nullable(),
  quality: z.enum(['good', 'fair', 'poor']).nullable(),
  individualId: z.string().nullable(),
  createdAt: isoDate,
  updatedAt: isoDate
})

const individual = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  notes: z.string(),
  createdAt: isoDate,
  mergedIntoId: z.string().nullable()
})

const sighting = z.object({
  id: z.string().min(1),
  batchId: z.string().min(1),
  date: z.string().nullable(),
  place: geo.nullable()
})

const assignment = z.object({
  id: z.string().min(1),
  annotationId: z.string().min(1),
  individualId: z.string().nullable(),
  previousIndividualId: z.string().nullable(),
  at: isoDate,
  by: z.enum(['import', 'user', 'match']),
  modelId: z.string().nullable(),
  note: z.string()
})

const decision = z.object({
  id: z.string().min(1),
  queryAnnotationId: z.string().min(1),
  candidateIndividualId: z.string().min(1),
  candidateAnnotationId: z.string().nullable(),
  verdict: z.enum(['same', 'different', 'unsure', 'new']),
  at: isoDate,
  modelId: z.string().nullable(),
  assignmentId: z.string().nullable(),
  createdIndividual: z.boolean(),
  undoneAt: z.string().nullable()
})

const change = z.object({
  id: z.string().min(1),
  kind: z.enum(['merge', 'split', 'annotation-deleted']),
  at: isoDate,
  by: z.enum(['import', 'user', 'match']),
  fromIndividualId: z.string().nullable(),
  toIndividualId: z.string().nullable(),
  annotationIds: z.array(z.string().min(1)),
  assignmentIds: z.array(z.string().min(1)),
  createdIndividual: z.boolean(),
  annotation: annotation.nullable(),
  note: z.string()
})

const model = z.object({
  id: z.string().min(1),
  createdAt: isoDate,
  kind: z.string(),
  dir: z.string(),
  scores: z.record(z.string(), z.number()),
  comparedWith: z.string().nullable()
})

const batch = z.object({
  id: z.string().min(1),
  kind: z.enum(['folder', 'kaggle-csv', 'spreadsheet', 'demo']),
  source: z.string(),
  label: z.string(),
  startedAt: isoDate,
  finishedAt: z.string().nullable(),
  state: z.enum(['running', 'done', 'cancelled', 'failed', 'interrupted']),
  added: z.number().int().nonnegative(),
  duplicates: z.number().int().nonnegative(),
  rejected: z.array(z.object({ file: z.string(), reason: z.string() }))
})

export const catalogSchema = z.object({
  schemaVersion: z.literal(CATALOG_SCHEMA_VERSION),
  catalogId: z.string().min(1),
  createdAt: isoDate,
  photos: z.array(photo),
  annotations: z.array(annotation),
  individuals: z.array(individual),
  sightings: z.array(sighting),
  assignments: z.array(assignment),
  decisions: z.array(decision),
  changes: z.array(change),
  models: z.array(model),
  currentModelId: z.string().nullable(),
  batches: z.array(batch)
}) satisfies z.ZodType<CatalogData>
