// A learned box proposer's file: its fitted settings, under the catalogue's box-proposers/.
// Written atomically (temp file, fsync, rename) before the catalogue names it, so a run that
// fails or is cancelled leaves at most a file nothing points to, never a half-written one.
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'
import type { RefinerParams } from './learned-refiner'

export const PROPOSERS_DIR = 'box-proposers'
const FORMAT = 'flukeprint-box-refiner-1'

const fileSchema = z.object({
  format: z.literal(FORMAT),
  params: z.object({
    columnShare: z.number().min(0).max(1),
    rowShare: z.number().min(0).max(1),
    gap: z.number().int().min(0).max(64),
    offsets: z.tuple([z.number(), z.number(), z.number(), z.number()])
  })
})

export function proposerPath(catalogDir: string, file: string): string {
  return join(catalogDir, PROPOSERS_DIR, file)
}

export async function writeProposer(
  catalogDir: string,
  file: string,
  params: RefinerParams
): Promise<void> {
  await mkdir(join(catalogDir, PROPOSERS_DIR), { recursive: true })
  const text = JSON.stringify({ format: FORMAT, params }, null, 2)
  await writeFileAtomic(proposerPath(catalogDir, file), text, { fsync: true })
}

/** The fitted settings; throws with the path when the file is missing or damaged. */
export async function readProposer(catalogDir: string, file: string): Promise<RefinerParams> {
  const path = proposerPath(catalogDir, file)
  const parsed = fileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')))
  if (!parsed.success) throw new Error(`${path} is not a Flukeprint box proposer`)
  return parsed.data.params
}
