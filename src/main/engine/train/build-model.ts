import type * as tf from '@tensorflow/tfjs'
import { UserError } from '../../errors'
import { buildBranchModel } from '../model'
import type { TrainSettings } from './settings'

export function buildModelFor(settings: TrainSettings): tf.LayersModel {
  if (settings.model !== 'branch') {
    throw new UserError(`the ${settings.model} model is not available yet; use --model branch`)
  }
  return buildBranchModel({
    inputHeight: settings.input.height,
    inputWidth: settings.input.width,
    channels: settings.input.channels,
    width: settings.width,
    blocks: settings.blocks,
    subBlocks: settings.subBlocks,
    embedding: settings.embedding
  })
}

export function architectureOf(settings: TrainSettings): Record<string, unknown> {
  return {
    kind: settings.model,
    width: settings.width,
    blocks: settings.blocks,
    subBlocks: settings.subBlocks,
    embedding: settings.embedding
  }
}
