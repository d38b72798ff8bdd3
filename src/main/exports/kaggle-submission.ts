// A Kaggle-style submission for a set of queries: "Image,Id" with five space-separated ids per
// query, ranked by the catalogue's current model, new_whale where its threshold falls (as the
// review page places it). Queries are the unassigned annotations, or those of one import.
import { writeFile } from 'node:fs/promises'
import { stringify } from 'csv-stringify/sync'
import type { Annotation, CatalogData } from '../../shared/domain'
import { NEW_WHALE } from '../../shared/domain'
import type { Catalog } from '../catalog/catalog'
import { UserError } from '../errors'
import type { JobContext } from '../jobs/job-manager'
import type { EngineSession } from '../models/engine-session'
import { candidateList, prepareCandidateGallery } from '../review/candidates'

/** Five ids for one query annotation, best first. */
export type Predict = (annotationId: string) => Promise<string[]>

export function submissionQueries(data: CatalogData, batchId: string | undefined): Annotation[] {
  const photos = new Map(data.photos.map((p) => [p.id, p]))
  if (batchId && !data.batches.some((b) => b.id === batchId)) {
    throw new UserError(`No import ${batchId} in this catalogue`, 'not-found')
  }
  const queries = data.annotations.filter((a) =>
    batchId ? photos.get(a.photoId)?.batchId === batchId : a.individualId === null
  )
  if (queries.length === 0) {
    throw new UserError(
      batchId ? 'That import has no annotations to submit' : 'No unassigned annotations to submit'
    )
  }
  return queries
}

/** The ranking shown in review cut to five, with new_whale in its place. */
export function fiveIds(names: string[], newWhaleAt: number | null): string[] {
  const ids = [...names]
  if (newWhaleAt !== null) ids.splice(newWhaleAt, 0, NEW_WHALE)
  return ids.slice(0, 5)
}

export function catalogPredictor(catalog: Catalog, session: EngineSession): Predict {
  let prepared: Promise<{
    gallery: ReturnType<typeof prepareCandidateGallery>
    threshold: number
  }> | null = null
  return async (annotationId) => {
    prepared ??= (async () => {
      // Embeds what is new first, so queries and gallery come from the same model state.
      const index = await session.refresh(catalog)
      const { record } = await session.embedder(catalog)
      return {
        gallery: prepareCandidateGallery(catalog.data, index),
        threshold: record.newWhaleThreshold
      }
    })()
    const { gallery, threshold } = await prepared
    const query = await session.vectorFor(catalog, annotationId)
    const list = candidateList({
      data: catalog.data,
      gallery,
      query,
      annotationId,
      threshold,
      limit: 5
    })
    return fiveIds(
      list.candidates.map((c) => c.name),
      list.newWhaleAt
    )
  }
}

export async function writeKaggleSubmission(
  data: CatalogData,
  queries: Annotation[],
  predict: Predict,
  path: string,
  context: Pick<JobContext, 'signal' | 'progress'>
): Promise<number> {
  const photos = new Map(data.photos.map((p) => [p.id, p]))
  const rows: string[][] = [['Image', 'Id']]
  for (const [i, query] of queries.entries()) {
    context.signal.throwIfAborted()
    const ids = await predict(query.id)
    rows.push([photos.get(query.photoId)?.fileName ?? query.id, ids.join(' ')])
    context.progress(i + 1, queries.length, `${i + 1} of ${queries.length} queries ranked`)
  }
  await writeFile(path, stringify(rows), 'utf8')
  return queries.length
}
