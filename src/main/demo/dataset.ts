// Writes a whole demo dataset in the Kaggle "Humpback Whale Identification" layout:
//   images/*.jpg + train.csv (Image,Id)   labelled photos
//   new/*.jpg                             unlabelled later sightings (and unknown whales)
//   truth.json                            every photo's individual, box, time, place, orientation
// train.csv is written last: callers treat its presence as "the dataset is complete".
import { availableParallelism } from 'node:os'
import { mkdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { writeFileAtomic } from './atomic-write'
import { identityFor, type FlukeIdentity } from './identity'
import { planDataset, type PlannedPhoto } from './plan-dataset'
import { renderFlukePhoto } from './render-photo'
import type { DemoDataset, DemoOptions, DemoPhotoTruth } from './types'
import { variationFor } from './variation'

export const DEFAULT_SEED = 20_190_601
export const DEFAULT_SIZE = { width: 640, height: 427 }

async function drawOne(
  dir: string,
  photo: PlannedPhoto,
  identity: FlukeIdentity,
  seed: number,
  size: { width: number; height: number }
): Promise<DemoPhotoTruth> {
  const { jpeg, box } = await renderFlukePhoto(
    identity,
    variationFor(seed, photo.index),
    size,
    photo.shot,
    photo.orientation
  )
  await writeFileAtomic(join(dir, ...photo.file.split('/')), jpeg)
  const { takenAt, lat, lon } = photo.shot
  const { file, individual, orientation, split } = photo
  return { file, individual, box, takenAt, lat, lon, orientation, split }
}

export async function generateDemoDataset(
  options: DemoOptions,
  onProgress?: (done: number, total: number) => void,
  signal?: AbortSignal
): Promise<DemoDataset> {
  const seed = options.seed ?? DEFAULT_SEED
  const size = {
    width: options.width ?? DEFAULT_SIZE.width,
    height: options.height ?? DEFAULT_SIZE.height
  }
  if (!(size.width >= 16 && size.height >= 16))
    throw new RangeError('Demo photos need 16 px or more')
  const plan = planDataset(options, seed)
  const dir = resolve(options.outDir)
  const dataset: DemoDataset = {
    dir,
    imagesDir: join(dir, 'images'),
    csvPath: join(dir, 'train.csv'),
    newDir: join(dir, 'new'),
    truthPath: join(dir, 'truth.json'),
    photos: []
  }
  await mkdir(dataset.imagesDir, { recursive: true })
  await mkdir(dataset.newDir, { recursive: true })
  const identities = new Map<number, FlukeIdentity>()
  const identity = (i: number): FlukeIdentity => {
    const known = identities.get(i) ?? identityFor(seed, i)
    identities.set(i, known)
    return known
  }
  // A few photos in flight keep sharp's worker threads busy; results land in plan order. On an
  // error or abort every lane finishes its current file before we reject, so nothing is still
  // writing into the folder once the caller hears about it.
  const truths = new Array<DemoPhotoTruth | undefined>(plan.length)
  let next = 0
  let done = 0
  let failed = false
  const worker = async (): Promise<void> => {
    for (let k = next++; k < plan.length && !failed; k = next++) {
      try {
        signal?.throwIfAborted()
        const photo = plan[k] as PlannedPhoto
        truths[k] = await drawOne(dir, photo, identity(photo.identityIndex), seed, size)
      } catch (error) {
        failed = true
        throw error
      }
      onProgress?.(++done, plan.length)
    }
  }
  const lanes = Math.max(1, Math.min(4, availableParallelism()))
  const results = await Promise.allSettled(Array.from({ length: lanes }, worker))
  for (const r of results) if (r.status === 'rejected') throw r.reason
  signal?.throwIfAborted()
  dataset.photos = truths.filter((t): t is DemoPhotoTruth => t !== undefined)
  await writeFileAtomic(dataset.truthPath, JSON.stringify(dataset.photos, null, 2) + '\n')
  const rows = dataset.photos
    .filter((p) => p.split === 'labelled')
    .map((p) => `${p.file.slice('images/'.length)},${p.individual}`)
  await writeFileAtomic(dataset.csvPath, ['Image,Id', ...rows].join('\n') + '\n')
  return dataset
}
