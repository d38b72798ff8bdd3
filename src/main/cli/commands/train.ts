import { resolve } from 'node:path'
import { initBackend } from '../../engine/backend'
import { catalogTrainingSet, kaggleTrainingSet } from '../../engine/data/training-items'
import {
  BRANCH_BATCH_ALL_WARMUP,
  CPU_DEFAULTS,
  PRETRAINED_LEARNING_RATE,
  type TrainSettings
} from '../../engine/train/settings'
import { trainToFolder } from '../../engine/train/train-to-folder'
import { Catalog } from '../../catalog/catalog'
import { UserError } from '../../errors'
import { parseOptions, required } from '../options'

const USAGE =
  'flukeprint train (--data DIR | --catalog DIR) --out MODEL_DIR [--minutes N | --epochs N] [--model branch|pretrained] [--input WxH] [--channels 1|3] [--loss batch-hard|batch-all|random] [--margin soft|M] [--distance cosine|euclidean] [--embedding D] [--width F] [--blocks B] [--lr R] [--warmup SHARE] [--seed S] [--checkpoint DIR]'

const OPTIONS = {
  data: { type: 'string' },
  catalog: { type: 'string' },
  out: { type: 'string' },
  minutes: { type: 'string' },
  epochs: { type: 'string' },
  model: { type: 'string' },
  input: { type: 'string' },
  channels: { type: 'string' },
  loss: { type: 'string' },
  margin: { type: 'string' },
  distance: { type: 'string' },
  embedding: { type: 'string' },
  width: { type: 'string' },
  blocks: { type: 'string' },
  lr: { type: 'string' },
  warmup: { type: 'string' },
  seed: { type: 'string' },
  // Where the best model so far is kept while training (default: MODEL_DIR.checkpoint).
  checkpoint: { type: 'string' }
} as const

export const trainCommand = {
  run: async (argv: string[]): Promise<number> => {
    const values = parseOptions(argv, OPTIONS, USAGE)
    if (!values.data === !values.catalog)
      throw new UserError(`give either --data or --catalog\nUsage: ${USAGE}`)
    const out = resolve(required(values.out, '--out', USAGE))
    const settings = settingsFrom(values)
    const backend = await initBackend()
    process.stderr.write(`backend: ${backend.name} (${backend.reason})\n`)
    const source = resolve(values.data ?? values.catalog ?? '')
    const set = values.data
      ? await kaggleTrainingSet(source)
      : catalogTrainingSet((await Catalog.open(source, { create: false, readOnly: true })).data)
    const controller = new AbortController()
    process.once('SIGINT', () => controller.abort())
    let lastLog = 0
    const record = await trainToFolder(set, settings, out, source, {
      signal: controller.signal,
      checkpoint: resolve(values.checkpoint ?? `${out}.checkpoint`),
      onCheckpoint: (message) => process.stderr.write(`${message}\n`),
      onProgress: (p) => {
        if (p.stage === 'training' && Date.now() - lastLog < 5000 && p.map5 === null) return
        lastLog = Date.now()
        const map5 = p.map5 === null ? '' : ` validation MAP@5 ${p.map5.toFixed(3)}`
        const loss =
          p.loss === null
            ? ''
            : ` loss ${p.loss.toFixed(4)} active ${((p.activeShare ?? 0) * 100).toFixed(0)}%`
        process.stderr.write(`[${p.seconds.toFixed(0)} s] ${p.message}${loss}${map5}\n`)
      }
    })
    process.stdout.write(
      `${JSON.stringify({ model: out, id: record.id, steps: record.training.steps, stoppedBecause: record.training.stoppedBecause, scores: record.scores })}\n`
    )
    return 0
  }
}

type Values = Partial<Record<keyof typeof OPTIONS, string>>

function settingsFrom(values: Values): TrainSettings {
  const number = (text: string | undefined, fallback: number, name: string) => {
    if (text === undefined) return fallback
    const value = Number(text)
    if (!Number.isFinite(value) || value <= 0)
      throw new UserError(`--${name} must be a positive number`)
    return value
  }
  const pretrained = (values.model ?? CPU_DEFAULTS.model) === 'pretrained'
  // The pretrained backbone reads 224 x 224 RGB, whatever the branch CNN's defaults are.
  const defaultInput = pretrained
    ? '224x224'
    : `${CPU_DEFAULTS.input.width}x${CPU_DEFAULTS.input.height}`
  const [w, h] = (values.input ?? defaultInput).split('x').map(Number)
  if (!w || !h) throw new UserError('--input must be WxH, e.g. 96x96')
  const channels = number(values.channels, pretrained ? 3 : CPU_DEFAULTS.input.channels, 'channels')
  if (channels !== 1 && channels !== 3) throw new UserError('--channels must be 1 or 3')
  const oneOf = <T extends string>(
    text: string | undefined,
    allowed: readonly T[],
    fallback: T,
    name: string
  ): T => {
    if (text === undefined) return fallback
    if (!(allowed as readonly string[]).includes(text))
      throw new UserError(`--${name} must be one of ${allowed.join(', ')}`)
    return text as T
  }
  const minutes =
    values.minutes !== undefined
      ? number(values.minutes, 10, 'minutes')
      : values.epochs
        ? null
        : CPU_DEFAULTS.minutes
  return {
    ...CPU_DEFAULTS,
    model: oneOf(values.model, ['branch', 'pretrained'] as const, CPU_DEFAULTS.model, 'model'),
    input: { width: w, height: h, channels },
    embedding: number(values.embedding, CPU_DEFAULTS.embedding, 'embedding'),
    width: number(values.width, CPU_DEFAULTS.width, 'width'),
    blocks: number(values.blocks, CPU_DEFAULTS.blocks, 'blocks'),
    mining: oneOf(
      values.loss,
      ['batch-hard', 'batch-all', 'random'] as const,
      CPU_DEFAULTS.mining,
      'loss'
    ),
    margin:
      values.margin === undefined || values.margin === 'soft'
        ? values.margin
          ? 'soft'
          : CPU_DEFAULTS.margin
        : number(values.margin, 0.2, 'margin'),
    distance: oneOf(
      values.distance,
      ['cosine', 'euclidean'] as const,
      CPU_DEFAULTS.distance,
      'distance'
    ),
    learningRate: number(
      values.lr,
      pretrained ? PRETRAINED_LEARNING_RATE : CPU_DEFAULTS.learningRate,
      'lr'
    ),
    batchAllWarmup:
      values.warmup !== undefined
        ? Math.min(Number(values.warmup), 1) || 0
        : pretrained
          ? 0
          : BRANCH_BATCH_ALL_WARMUP,
    minutes,
    epochs: values.epochs !== undefined ? number(values.epochs, 1, 'epochs') : null,
    seed: values.seed !== undefined ? Number(values.seed) : CPU_DEFAULTS.seed
  }
}
