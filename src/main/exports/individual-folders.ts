// One folder per individual holding its flukes cut from the photos (box and rotation applied,
// full resolution up to CROP_FULL_SIZE), the export most asked for in Wildbook's tracker.
import { copyFile, mkdir } from 'node:fs/promises'
import { join, parse } from 'node:path'
import type { CatalogData } from '../../shared/domain'
import { CROP_FULL_SIZE, ensureCachedCrop } from '../images/annotation-crop'
import type { JobContext } from '../jobs/job-manager'
import type { RejectedFile } from '../../shared/domain'
import { errorMessage } from '../errors'
import { annotationRows } from './catalog-rows'
import { safeName, uniqueNames } from './safe-names'

export async function writeIndividualFolders(
  data: CatalogData,
  thumbsDir: string,
  folder: string,
  context: Pick<JobContext, 'signal' | 'progress'>
): Promise<{ written: number; failed: RejectedFile[] }> {
  const rows = annotationRows(data).filter((r) => r.individual)
  const folderName = uniqueNames()
  const folders = new Map<string, { dir: string; file: (name: string) => string }>()
  const failed: RejectedFile[] = []
  let written = 0
  for (const [i, row] of rows.entries()) {
    context.signal.throwIfAborted()
    const individual = row.individual
    if (!individual) continue
    let target = folders.get(individual.id)
    if (!target) {
      target = { dir: join(folder, folderName(safeName(individual.name))), file: uniqueNames() }
      await mkdir(target.dir)
      folders.set(individual.id, target)
    }
    const name = target.file(`${safeName(parse(row.photo.fileName).name, 'photo')}.jpg`)
    try {
      const crop = await ensureCachedCrop(thumbsDir, row.photo, row.annotation, CROP_FULL_SIZE)
      await copyFile(crop, join(target.dir, name))
      written += 1
    } catch (error) {
      // A photo moved or deleted since import: the others still export, this one is named.
      failed.push({ file: row.photo.originalPath, reason: errorMessage(error) })
    }
    context.progress(i + 1, rows.length, `${written} flukes in ${folders.size} folders`)
  }
  return { written, failed }
}
