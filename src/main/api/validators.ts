// Every request's argument is checked here, at the door, before a service sees it. The mapped
// type makes a missing or mistyped validator a compile error.
import { z } from 'zod'
import type { Args, RequestName } from '../../shared/contract'

const none = z.object({}).strict()
const id = z.string().min(1).max(200)
const path = z.string().trim().min(1, 'a path is required').max(4096)
const box = z
  .object({
    x: z.number().finite(),
    y: z.number().finite(),
    width: z.number().finite().positive(),
    height: z.number().finite().positive()
  })
  .strict()
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates are YYYY-MM-DD')
const occasion = z.object({ label: z.string().trim().max(100), from: day, to: day }).strict()

export const validators: { [K in RequestName]: z.ZodType<Args<K>> } = {
  'app.info': none,
  'app.recent': none,
  'catalog.open': z.object({ path, create: z.boolean() }).strict(),
  'catalog.close': none,
  'catalog.recovery': z.object({ path }).strict(),
  // A backup is named by its file name in the catalogue's backups/ folder, never by a path.
  'catalog.restoreBackup': z
    .object({ path, backup: z.string().regex(/^catalog-[\w.-]+\.json$/, 'not a backup name') })
    .strict(),
  'catalog.openDemo': z.object({ path }).strict(),
  'photos.list': z
    .object({
      filter: z
        .object({
          individualId: id.optional(),
          unassigned: z.boolean().optional(),
          unchecked: z.boolean().optional(),
          batchId: id.optional(),
          dateFrom: day.optional(),
          dateTo: day.optional()
        })
        .strict()
    })
    .strict(),
  'photos.get': z.object({ id }).strict(),
  'individuals.list': none,
  'individuals.get': z.object({ id }).strict(),
  'individuals.merge': z.object({ id, intoId: id }).strict(),
  'individuals.split': z
    .object({
      id,
      annotationIds: z.array(id).min(1, 'choose the photos to split off').max(100_000),
      into: z.union([
        z.object({ individualId: id }).strict(),
        z.object({ newName: z.string().trim().max(200).nullable() }).strict()
      ])
    })
    .strict(),
  'batches.list': none,
  'import.folder': z.object({ folder: path }).strict(),
  'import.kaggle': z.object({ csv: path, images: path }).strict(),
  'import.sheetPreview': z.object({ sheet: path }).strict(),
  'import.sheet': z.object({ sheet: path }).strict(),
  'export.start': z
    .object({
      format: z.enum(['csv', 'kaggle', 'folders', 'capture-history', 'wildbook']),
      out: path,
      occasions: z.array(occasion).max(1000).optional(),
      batchId: id.optional()
    })
    .strict(),
  'jobs.list': none,
  'models.list': none,
  'models.train': z
    .object({
      minutes: z
        .number()
        .min(0)
        .max(24 * 60)
    })
    .strict(),
  'models.setCurrent': z.object({ id }).strict(),
  'boxes.quality': none,
  'boxes.train': none,
  'annotations.update': z
    .object({
      id,
      box,
      rotation: z.number().finite(),
      quality: z.enum(['good', 'fair', 'poor']).nullable(),
      viewpoint: z.string().trim().max(40).nullable()
    })
    .strict(),
  'annotations.create': z.object({ photoId: id, box, rotation: z.number().finite() }).strict(),
  'annotations.delete': z.object({ id }).strict(),
  'review.queue': z
    .object({
      filter: z
        .object({
          batchId: id.optional(),
          sightingId: id.optional(),
          dateFrom: day.optional(),
          dateTo: day.optional()
        })
        .strict()
    })
    .strict(),
  'review.candidates': z
    .object({ annotationId: id, limit: z.number().int().min(1).max(100) })
    .strict(),
  'review.decide': z
    .object({
      queryAnnotationId: id,
      verdict: z.enum(['same', 'different', 'unsure']),
      individualId: id,
      candidateAnnotationId: id.nullable()
    })
    .strict(),
  'review.newIndividual': z
    .object({ queryAnnotationId: id, name: z.string().trim().max(100).nullable() })
    .strict(),
  'review.undo': none,
  'review.recent': z.object({ limit: z.number().int().min(1).max(200) }).strict(),
  'jobs.cancel': z.object({ id }).strict(),
  'views.sightings': z
    .object({ filter: z.object({ batchId: id.optional(), individualId: id.optional() }).strict() })
    .strict(),
  'views.embeddingMap': none,
  'dialog.pick': z
    .object({ kind: z.enum(['folder', 'csv', 'sheet']), title: z.string().max(200) })
    .strict()
}

export function isRequestName(name: unknown): name is RequestName {
  return typeof name === 'string' && Object.hasOwn(validators, name)
}
