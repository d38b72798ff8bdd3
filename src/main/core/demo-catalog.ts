// "Try the demo catalogue": a catalogue of synthetic flukes, labelled like a Kaggle train.csv,
// plus a batch of unlabelled new sightings, so every screen has something real to show.
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import type { DemoStarted, JobResult } from '../../shared/contract'
import { generateDemoDataset } from '../demo'
import { summarize } from '../api/handlers'
import { folderImportRequest, kaggleImportRequest } from '../import/import-requests'
import { runImport } from '../import/importer'
import type { AppCore } from './app-core'

export const DEMO_SETTINGS = {
  individuals: 12,
  photosPerIndividual: [3, 6] as [number, number],
  newPhotos: 12,
  seed: 20261130
}

export async function startDemo(core: AppCore, path: string): Promise<DemoStarted> {
  const catalog = await core.openCatalog(path, true)
  const photos = join(catalog.dir, 'demo-photos')
  const job = core.jobs.start('import', 'Make the demo catalogue', async (context) => {
    const csv = join(photos, 'train.csv')
    if (!(await stat(csv).catch(() => null))) {
      await generateDemoDataset(
        { outDir: photos, ...DEMO_SETTINGS },
        (done, total) => context.progress(done, total, 'Drawing demo flukes'),
        context.signal
      )
    }
    const labelled = await runImport(
      catalog,
      await kaggleImportRequest(csv, join(photos, 'images'), 'demo'),
      context
    )
    if (context.signal.aborted) return labelled
    const fresh = await runImport(
      catalog,
      await folderImportRequest(join(photos, 'new'), context.signal, 'demo'),
      context
    )
    return mergeResults(labelled, fresh)
  })
  return { jobId: job.id, catalog: summarize(catalog) }
}

function mergeResults(a: JobResult, b: JobResult): JobResult {
  return {
    batchId: b.batchId,
    added: (a.added ?? 0) + (b.added ?? 0),
    duplicates: (a.duplicates ?? 0) + (b.duplicates ?? 0),
    rejected: [...(a.rejected ?? []), ...(b.rejected ?? [])]
  }
}
