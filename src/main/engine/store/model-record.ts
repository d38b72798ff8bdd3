// flukeprint.json: what a model is (so it can be used) and how it was made (so it can be
// trusted): input, architecture, the new_whale threshold, data, settings, curves and scores.
import { z } from 'zod'
import { UserError } from '../../errors'

const curvePoint = z.object({
  step: z.number(),
  epoch: z.number(),
  seconds: z.number(),
  loss: z.number(),
  activeShare: z.number(),
  map5: z.number().nullable()
})

export const modelRecordSchema = z.object({
  format: z.literal('flukeprint-model/1'),
  id: z.string().min(1),
  createdAt: z.string(),
  kind: z.enum(['branch', 'pretrained']),
  input: z.object({
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    channels: z.union([z.literal(1), z.literal(3)])
  }),
  embedding: z.number().int().positive(),
  architecture: z.record(z.string(), z.unknown()),
  /** Cosine similarity under which the best match is reported as new_whale. */
  newWhaleThreshold: z.number(),
  backend: z.string(),
  training: z.object({
    data: z.object({
      source: z.string(),
      items: z.number(),
      individuals: z.number(),
      validationQueries: z.number()
    }),
    settings: z.record(z.string(), z.unknown()),
    curve: z.array(curvePoint),
    steps: z.number(),
    seconds: z.number(),
    stoppedBecause: z.string()
  }),
  scores: z.record(z.string(), z.number()),
  /** SHA-256 (hex) of model.json and weights.bin as saved; absent in models made before. */
  files: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)).optional()
})

export type ModelRecord = z.infer<typeof modelRecordSchema>
export type CurvePoint = z.infer<typeof curvePoint>

export function parseModelRecord(raw: unknown, dir: string): ModelRecord {
  const parsed = modelRecordSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new UserError(
      `${dir}/flukeprint.json is not a valid model record (${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''})`,
      'conflict'
    )
  }
  return parsed.data
}
