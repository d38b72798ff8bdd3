import { UserError } from '../../errors'
import { indexClasses, type ClassIndex } from './classes'
import { planEpoch } from './epoch-plan'
import {
  indexMustDiffer,
  type IgnoredPair,
  type MustDifferIndex,
  type MustDifferPair
} from './must-differ'
import { SeededRandom } from './seeded-random'

export type PKSamplerOptions = {
  /** Individuals per batch. */
  P: number
  /** Photos per individual; repeated when it has fewer, so K >= 2 gives every anchor a positive. */
  K: number
  seed: number
  /** Photo pairs a biologist marked "different"; see MustDifferPair. */
  mustDiffer?: readonly MustDifferPair[]
}

export type PKBatch = {
  /** Item indices, K consecutive per unit; an item can repeat (augment each copy). */
  items: number[]
  /** Per row: the class id (index into classNames), or classNames.length + item for a photo
   * without an individual that stands as its own pseudo-class in this batch. */
  classIds: number[]
  /** Zero-based epoch and step within it. */
  epoch: number
  step: number
}

export const TOO_FEW_INDIVIDUALS = 'need at least 2 individuals with a photo each to train'

/**
 * P x K batches for triplet training, seeded and deterministic.
 *
 * Photos without an individual (null, empty or 'new_whale') are never a class or an anchor,
 * and are not used as negatives either: in a catalogue an unassigned photo is often a known
 * whale not matched yet, so "different from everyone in the batch" would be a false label.
 * The one exception is a must-differ pair, where a person vouched for the difference: the
 * unassigned photo joins its partner's batch as a pseudo-class of K copies. It is then also
 * a negative for the other individuals in that batch, a small risk (about P / classes) that
 * buys the hard negative the person pointed at.
 */
export class PKSampler {
  readonly classNames: readonly string[]
  /** Must-differ pairs that could not be used (same individual on both sides, or none). */
  readonly ignoredPairs: readonly IgnoredPair[]
  private readonly classes: ClassIndex
  private readonly mustDiffer: MustDifferIndex
  private readonly rng: SeededRandom
  private readonly P: number
  private readonly K: number
  private plan: number[][] = []
  private epoch = -1
  private step = 0

  constructor(labels: ReadonlyArray<string | null>, options: PKSamplerOptions) {
    for (const key of ['P', 'K'] as const) {
      const v = options[key]
      if (!Number.isInteger(v) || v < 2)
        throw new RangeError(`${key} must be an integer >= 2, got ${v}`)
    }
    this.P = options.P
    this.K = options.K
    this.rng = new SeededRandom(options.seed)
    this.classes = indexClasses(labels)
    this.classNames = this.classes.names
    if (this.classNames.length < 2) throw new UserError(TOO_FEW_INDIVIDUALS)
    const { classOfItem } = this.classes
    this.mustDiffer = indexMustDiffer(options.mustDiffer ?? [], classOfItem, this.classNames.length)
    this.ignoredPairs = this.mustDiffer.ignored
  }

  /** Steps in the current epoch: ceil(classes / P) without must-differ pairs. */
  get epochSize(): number {
    if (this.epoch < 0) this.startEpoch()
    return this.plan.length
  }

  next(): PKBatch {
    if (this.epoch < 0 || this.step >= this.plan.length) this.startEpoch()
    const units = this.plan[this.step] ?? []
    const batch: PKBatch = { items: [], classIds: [], epoch: this.epoch, step: this.step }
    this.step++
    const inBatch = new Set(units)
    for (const unit of units) {
      for (const item of this.pickItems(unit, inBatch)) {
        batch.items.push(item)
        batch.classIds.push(unit)
      }
    }
    return batch
  }

  private startEpoch() {
    this.plan = planEpoch(this.classNames.length, this.P, this.mustDiffer.links, this.rng)
    this.epoch++
    this.step = 0
  }

  /** K items of a unit: the photos in a must-differ pair with another unit of the batch
   * first (the hard negatives asked for), then random others, cycling when there are < K. */
  private pickItems(unit: number, inBatch: ReadonlySet<number>): number[] {
    const classCount = this.classNames.length
    if (unit >= classCount) return new Array<number>(this.K).fill(unit - classCount)
    const links = this.mustDiffer.links.get(unit) ?? []
    const required = [...new Set(links.filter((l) => inBatch.has(l.other)).map((l) => l.item))]
    const requiredSet = new Set(required)
    const others = (this.classes.itemsByClass[unit] ?? []).filter((i) => !requiredSet.has(i))
    const base = [...this.rng.shuffled(required), ...this.rng.shuffled(others)]
    return Array.from({ length: this.K }, (_, i) => base[i % base.length] ?? -1)
  }
}
