// Everything that defines a training run, with the defaults for a CPU laptop. Stored in the
// model's record so a run can be repeated.
import type { Distance, Margin, Mining } from '../loss'
import type { CropSpec } from '../preprocess/crop'

export interface TrainSettings {
  model: 'branch' | 'pretrained'
  input: CropSpec
  embedding: number
  /** Branch CNN: base filters, bottleneck blocks, sub-blocks per block. */
  width: number
  blocks: number
  subBlocks: number
  mining: Mining
  /**
   * Batch-hard only: share of the run (of its minutes or epochs) trained with batch-all first.
   * Hardest triplets of an untrained network are mostly noise; Hermans et al. note batch-hard
   * from scratch can stall early, and a batch-all start is the usual remedy.
   */
  batchAllWarmup: number
  margin: Margin
  distance: Distance
  P: number
  K: number
  learningRate: number
  /** Stop after this many minutes, or epochs (whichever is given; minutes win if both). */
  minutes: number | null
  epochs: number | null
  seed: number
  /** Share of the whales kept out of training to score the model while it trains. */
  validationFraction: number
  /** Score on the validation whales this often (and at the end). */
  evaluateEverySeconds: number
}

/**
 * On a CPU the pretrained backbone is the default: untrained, its features already identify
 * unseen right whales far better than a branch CNN trained for 10 minutes (docs/benchmarks.md).
 */
export const CPU_DEFAULTS: TrainSettings = {
  model: 'pretrained',
  input: { width: 96, height: 96, channels: 1 },
  embedding: 128,
  width: 16,
  blocks: 3,
  subBlocks: 2,
  mining: 'batch-hard',
  batchAllWarmup: 0,
  margin: 'soft',
  distance: 'cosine',
  P: 8,
  K: 4,
  /** For the branch CNN; the pretrained head uses PRETRAINED_LEARNING_RATE. */
  learningRate: 1e-3,
  minutes: 10,
  epochs: null,
  seed: 1,
  validationFraction: 0.15,
  evaluateEverySeconds: 60
}

/** The head starts as the identity over good features: small steps keep what they give. */
export const PRETRAINED_LEARNING_RATE = 1e-4

/**
 * The branch CNN's default batch-all warm-up: none. In 2-minute runs on rightwhale_dev a
 * warm-up of half the run scored the same as none (MAP@5 0.162 and 0.162, random 0.181).
 */
export const BRANCH_BATCH_ALL_WARMUP = 0

export function describeSettings(settings: TrainSettings): Record<string, unknown> {
  return {
    ...settings,
    input: `${settings.input.width}x${settings.input.height}x${settings.input.channels}`
  }
}
