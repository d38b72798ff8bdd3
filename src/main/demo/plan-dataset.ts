// Decides every photo of a demo dataset before any pixel is drawn: who is in it, when and where
// it was taken, its file name and orientation. Drawing then only needs this plan, in any order.
import { NEW_WHALE } from '../../shared/domain'
import { hashSeed, Rng } from './prng'
import { LABELLED_SEASONS, NEW_SEASON, planSightings, type Shot } from './sightings'
import type { DemoOptions } from './types'

export interface PlannedPhoto {
  /** Position in the dataset; also picks the photo's variation. */
  index: number
  identityIndex: number
  individual: string
  split: 'labelled' | 'new'
  /** "images/1a2b3c4d.jpg" or "new/…". */
  file: string
  shot: Shot
  orientation: number
}

export { NEW_WHALE }
const PLAN_STREAM = 0x91a

export function individualLabel(index: number, individuals: number): string {
  const digits = Math.max(2, String(individuals).length)
  return `demo_whale_${String(index + 1).padStart(digits, '0')}`
}

function photoCount(rng: Rng, spec: DemoOptions['photosPerIndividual']): number {
  if (typeof spec === 'number') return spec
  return rng.int(Math.min(spec[0], spec[1]), Math.max(spec[0], spec[1]))
}

type Draft = Omit<PlannedPhoto, 'index' | 'file' | 'orientation'>

function drafts(options: DemoOptions, seed: number): Draft[] {
  const rng = new Rng(hashSeed(seed, PLAN_STREAM))
  const n = options.individuals
  const out: Draft[] = []
  const add = (identityIndex: number, individual: string, split: Draft['split'], shots: Shot[]) =>
    shots.forEach((shot) => out.push({ identityIndex, individual, split, shot }))
  for (let i = 0; i < n; i++) {
    const shots = planSightings(
      rng.fork(i),
      photoCount(rng, options.photosPerIndividual),
      LABELLED_SEASONS
    )
    add(i, individualLabel(i, n), 'labelled', shots)
  }
  // New sightings of known whales: spread over the individuals, grouped into sightings again.
  const later = new Array<number>(n).fill(0)
  for (let k = 0; k < (options.newPhotos ?? 0); k++) {
    const who = rng.int(0, n - 1)
    later[who] = (later[who] ?? 0) + 1
  }
  later.forEach((count, i) => {
    if (count > 0)
      add(i, individualLabel(i, n), 'new', planSightings(rng.fork(n + i), count, [NEW_SEASON]))
  })
  for (let j = 0; j < (options.newWhales ?? 0); j++) {
    add(n + j, NEW_WHALE, 'new', planSightings(rng.fork(2 * n + j), 1, [NEW_SEASON]))
  }
  return out
}

/** Kaggle-style names: eight hex digits, unique within the dataset, stable for a seed. */
function fileName(seed: number, index: number, taken: Set<string>): string {
  for (let salt = 0; ; salt++) {
    const name = hashSeed(seed, PLAN_STREAM, index, salt).toString(16).padStart(8, '0')
    if (!taken.has(name)) {
      taken.add(name)
      return `${name}.jpg`
    }
  }
}

function checkOptions(o: DemoOptions): void {
  const counts = [o.individuals, o.newPhotos ?? 0, o.newWhales ?? 0, o.orientationSixEvery ?? 0]
  const perWhale =
    typeof o.photosPerIndividual === 'number' ? [o.photosPerIndividual] : o.photosPerIndividual
  for (const n of [...counts, ...perWhale]) {
    if (!Number.isInteger(n) || n < 0)
      throw new RangeError(`Demo counts must be whole numbers >= 0, got ${n}`)
  }
  if ((o.newPhotos ?? 0) > 0 && o.individuals === 0)
    throw new RangeError('New sightings need individuals')
}

export function planDataset(options: DemoOptions, seed: number): PlannedPhoto[] {
  checkOptions(options)
  const every = options.orientationSixEvery ?? 0
  const taken = new Set<string>()
  return drafts(options, seed).map((draft, index) => ({
    ...draft,
    index,
    file: `${draft.split === 'labelled' ? 'images' : 'new'}/${fileName(seed, index, taken)}`,
    orientation: every > 0 && (index + 1) % every === 0 ? 6 : 1
  }))
}
