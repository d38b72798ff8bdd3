// What the engine trains and embeds: one item per fluke crop, from a Kaggle-layout folder
// (images/ + train.csv) or from a catalogue's annotations and decisions.
import { readdir } from 'node:fs/promises'
import { join, relative, sep } from 'node:path'
import type { Box, CatalogData } from '../../../shared/domain'
import { isPhotoName } from '../../import/scan-folder'
import { NEW_WHALE, readKaggleCsv } from '../../import/kaggle-csv'
import { UserError } from '../../errors'
import { survivorOf } from '../../individuals/names'

export interface TrainingItem {
  /** Stable name: the image name as in train.csv, or the annotation id. */
  key: string
  path: string
  box: Box | null
  rotation: number
  /** Individual; null for new_whale / unassigned. */
  label: string | null
  /** Names this crop's version (annotation id and box version) in a feature cache. */
  cacheKey?: string
}

export interface TrainingSet {
  items: TrainingItem[]
  /** Item index pairs a biologist said are different whales. */
  mustDiffer: [number, number][]
}

export async function kaggleTrainingSet(dir: string): Promise<TrainingSet> {
  const table = await readKaggleCsv(join(dir, 'train.csv'), join(dir, 'images'))
  if (table.files.length === 0) throw new UserError(`${dir}/train.csv lists no usable images`)
  const items = table.files.map((file) => ({
    key: file.display,
    path: file.path,
    box: null,
    rotation: 0,
    label: file.individual === NEW_WHALE ? null : file.individual
  }))
  return { items, mustDiffer: [] }
}

/** Confirmed labels of a catalogue; poor-quality crops stay out of training. */
export function catalogTrainingSet(data: CatalogData): TrainingSet {
  const photos = new Map(data.photos.map((p) => [p.id, p]))
  const names = new Map(data.individuals.map((i) => [i.id, i.name]))
  const items: TrainingItem[] = []
  const indexOf = new Map<string, number>()
  for (const annotation of data.annotations) {
    const photo = photos.get(annotation.photoId)
    if (!photo || annotation.quality === 'poor') continue
    indexOf.set(annotation.id, items.length)
    items.push({
      key: annotation.id,
      path: photo.originalPath,
      box: annotation.box,
      rotation: annotation.rotation,
      label: annotation.individualId ? (names.get(annotation.individualId) ?? null) : null,
      cacheKey: `${annotation.id}@${annotation.updatedAt}`
    })
  }
  const mustDiffer: [number, number][] = []
  const survivor = survivorOf(data)
  for (const decision of data.decisions) {
    if (decision.verdict !== 'different') continue
    const query = indexOf.get(decision.queryAnnotationId)
    const candidateName = names.get(survivor(decision.candidateIndividualId))
    const candidate = items.findIndex((item) => item.label === candidateName)
    if (query !== undefined && candidate >= 0) mustDiffer.push([query, candidate])
  }
  return { items, mustDiffer }
}

/** Every image under `dir`, recursively, keyed by its path relative to `dir` with '/'. */
export async function folderItems(dir: string): Promise<TrainingItem[]> {
  const names = (await readdir(dir, { recursive: true })).filter((name) => isPhotoName(name)).sort()
  return names.map((name) => ({
    key: relative(dir, join(dir, name)).split(sep).join('/'),
    path: join(dir, name),
    box: null,
    rotation: 0,
    label: null
  }))
}
