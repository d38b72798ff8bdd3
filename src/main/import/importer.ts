// Imports files into a catalogue as one batch. Finished photos are committed in groups, each
// group one atomic write holding a photo together with its annotation, sighting, individual
// and assignment, so a killed import leaves whole records or none. Originals are only read.
import { randomUUID } from 'node:crypto'
import type { JobResult } from '../../shared/contract'
import type { CatalogData, ImportBatch, ImportKind, RejectedFile } from '../../shared/domain'
import type { Catalog } from '../catalog/catalog'
import { loadBoxProposer } from '../boxes/box-proposer'
import { errorMessage } from '../errors'
import type { JobContext } from '../jobs/job-manager'
import { applyPhotos } from './apply-photos'
import { processFile, type ImportItem, type ProcessedPhoto } from './process-file'

export interface ImportRequest {
  kind: ImportKind
  source: string
  label: string
  items: ImportItem[]
  /** Problems found before any file was read (bad CSV rows, unreadable folders). */
  rejectedBefore: RejectedFile[]
}

const COMMIT_EVERY_PHOTOS = 200
const COMMIT_EVERY_MS = 2000
/** sharp decodes on libuv's thread pool; two files in flight keep both cores busy. */
const PARALLEL_FILES = 2

export async function runImport(
  catalog: Catalog,
  request: ImportRequest,
  context: Pick<JobContext, 'signal' | 'progress'>
): Promise<JobResult> {
  const batch = await startBatch(catalog, request)
  const proposer = await loadBoxProposer(catalog.dir, catalog.data)
  const claimed = new Set(catalog.data.photos.map((p) => p.hash))
  let pending: ProcessedPhoto[] = []
  let lastCommit = Date.now()
  let done = 0
  const total = request.items.length

  const commit = async () => {
    const group = pending
    pending = []
    lastCommit = Date.now()
    await catalog.update((data) => {
      applyPhotos(data, batch.id, group)
      Object.assign(findBatch(data, batch.id), {
        added: batch.added,
        duplicates: batch.duplicates,
        rejected: [...batch.rejected],
        state: batch.state,
        finishedAt: batch.finishedAt
      })
    })
  }

  const next = (() => {
    let index = 0
    return () => (index < request.items.length ? request.items[index++] : undefined)
  })()

  // A holder, not a `let`: TypeScript does not see the workers assign it.
  const outcome: { failure: Error | null } = { failure: null }
  const worker = async () => {
    try {
      await importEach()
    } catch (error) {
      outcome.failure ??= error instanceof Error ? error : new Error(errorMessage(error))
    }
  }
  const importEach = async () => {
    for (let item = next(); item && !context.signal.aborted && !outcome.failure; item = next()) {
      const outcome = await processFile(
        item,
        catalog.thumbsDir,
        (hash) => claimed.has(hash),
        proposer
      )
      if (outcome.kind === 'photo' && claimed.has(outcome.photo.hash)) batch.duplicates += 1
      else if (outcome.kind === 'photo') {
        claimed.add(outcome.photo.hash)
        pending.push(outcome.photo)
        batch.added += 1
      } else if (outcome.kind === 'duplicate') batch.duplicates += 1
      else batch.rejected.push(outcome.rejected)
      done += 1
      context.progress(
        done,
        total,
        `${batch.added} imported, ${batch.duplicates} already in the catalogue, ${batch.rejected.length - request.rejectedBefore.length} rejected`
      )
      if (pending.length >= COMMIT_EVERY_PHOTOS || Date.now() - lastCommit > COMMIT_EVERY_MS) {
        await commit()
      }
    }
  }

  context.progress(0, total, `Importing ${total} files`)
  await Promise.all(Array.from({ length: PARALLEL_FILES }, worker))
  batch.state = outcome.failure ? 'failed' : context.signal.aborted ? 'cancelled' : 'done'
  batch.finishedAt = new Date().toISOString()
  // The last group and the batch's final state go out in one write.
  await commit()
  await catalog.backup()
  if (outcome.failure) throw outcome.failure
  return {
    batchId: batch.id,
    added: batch.added,
    duplicates: batch.duplicates,
    rejected: batch.rejected
  }
}

async function startBatch(catalog: Catalog, request: ImportRequest): Promise<ImportBatch> {
  const batch: ImportBatch = {
    id: randomUUID(),
    kind: request.kind,
    source: request.source,
    label: request.label,
    startedAt: new Date().toISOString(),
    finishedAt: null,
    state: 'running',
    added: 0,
    duplicates: 0,
    rejected: [...request.rejectedBefore]
  }
  await catalog.update((data) => data.batches.push({ ...batch, rejected: [...batch.rejected] }))
  return batch
}

function findBatch(data: CatalogData, id: string): ImportBatch {
  const batch = data.batches.find((b) => b.id === id)
  if (!batch) throw new Error(`import batch ${id} vanished from the catalogue`)
  return batch
}
