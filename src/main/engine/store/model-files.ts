// A trained model on disk: TensorFlow.js's model.json + weights.bin (the layout tfjs-node's
// file:// handler writes, so either can read the other) and flukeprint.json, the record of
// what it is and how it was made. A folder is written under a temporary name and renamed into
// place, so a crash or a cancelled run never leaves a half-written model where one is read.
import { randomUUID } from 'node:crypto'
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import * as tf from '@tensorflow/tfjs'
import { UserError } from '../../errors'
// The model's custom layers register themselves with tf.serialization on import.
import '../model'
import type { ModelRecord } from './model-record'
import { parseModelRecord } from './model-record'

const TOPOLOGY = 'model.json'
const WEIGHTS = 'weights.bin'
const RECORD = 'flukeprint.json'

export async function saveModel(
  model: tf.LayersModel,
  record: ModelRecord,
  dir: string
): Promise<void> {
  const staging = `${dir}.tmp-${randomUUID().slice(0, 8)}`
  await mkdir(staging, { recursive: true })
  try {
    await model.save(
      tf.io.withSaveHandler(async (artifacts) => {
        const weights = tf.io.CompositeArrayBuffer.join(artifacts.weightData ?? new ArrayBuffer(0))
        const manifest = [{ paths: [WEIGHTS], weights: artifacts.weightSpecs ?? [] }]
        const json = {
          modelTopology: artifacts.modelTopology,
          format: artifacts.format,
          generatedBy: artifacts.generatedBy,
          convertedBy: artifacts.convertedBy ?? null,
          weightsManifest: manifest
        }
        await writeFile(join(staging, WEIGHTS), Buffer.from(weights))
        await writeFile(join(staging, TOPOLOGY), JSON.stringify(json))
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }
      })
    )
    await writeFile(join(staging, RECORD), JSON.stringify(record, null, 2))
    await replaceFolder(staging, dir)
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    throw error
  }
}

/** Swaps `dir` for `staging`; an existing model is moved aside first and removed after. */
async function replaceFolder(staging: string, dir: string): Promise<void> {
  await mkdir(dirname(dir), { recursive: true })
  const existing = await stat(dir).catch(() => null)
  if (!existing) return rename(staging, dir)
  const old = `${dir}.old-${randomUUID().slice(0, 8)}`
  await rename(dir, old)
  await rename(staging, dir)
  await rm(old, { recursive: true, force: true })
}

export interface LoadedModel {
  model: tf.LayersModel
  record: ModelRecord
}

export async function loadModel(dir: string): Promise<LoadedModel> {
  const read = async (name: string) => {
    try {
      return await readFile(join(dir, name))
    } catch {
      throw new UserError(`${dir} is not a Flukeprint model: ${name} is missing`, 'not-found')
    }
  }
  const record = parseModelRecord(JSON.parse((await read(RECORD)).toString('utf8')), dir)
  const json = JSON.parse((await read(TOPOLOGY)).toString('utf8')) as tf.io.ModelJSON
  const weights = await read(WEIGHTS)
  const specs = json.weightsManifest.flatMap((group) => group.weights)
  const expected = specs.reduce((sum, spec) => sum + spec.shape.reduce((a, b) => a * b, 1) * 4, 0)
  if (weights.length !== expected) {
    throw new UserError(
      `${dir}/${WEIGHTS} has ${weights.length} bytes, ${expected} expected: the model files are damaged`,
      'conflict'
    )
  }
  const data = weights.buffer.slice(weights.byteOffset, weights.byteOffset + weights.length)
  const model = await tf.loadLayersModel(
    tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: specs, weightData: data })
  )
  return { model, record }
}
