// A trained model on disk: TensorFlow.js's model.json + weights.bin (the layout tfjs-node's
// file:// handler writes, so either can read the other) and flukeprint.json, the record of
// what it is and how it was made. A folder is written under a temporary name and renamed into
// place, so a crash or a cancelled run never leaves a half-written model where one is read.
// Every file is fsynced before the rename and the folders after it, so after a power cut the
// model is there whole or not at all; the record keeps the files' SHA-256, so a model whose
// files were damaged or changed later is refused when it is loaded instead of matching badly.
import { createHash, randomUUID } from 'node:crypto'
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises'
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
  let files: Record<string, string> = {}
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
        const weightBytes = Buffer.from(weights)
        const topology = Buffer.from(JSON.stringify(json))
        await writeSynced(join(staging, WEIGHTS), weightBytes)
        await writeSynced(join(staging, TOPOLOGY), topology)
        files = { [TOPOLOGY]: sha256(topology), [WEIGHTS]: sha256(weightBytes) }
        return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } }
      })
    )
    await writeSynced(join(staging, RECORD), JSON.stringify({ ...record, files }, null, 2))
    await syncFolder(staging)
    await replaceFolder(staging, dir)
    await syncFolder(dirname(dir))
  } catch (error) {
    await rm(staging, { recursive: true, force: true })
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOSPC' || code === 'EDQUOT') {
      throw new UserError(
        `The disk is full: the model was not saved (nothing is left of it in ${dirname(dir)}), and the model in use is unchanged. Free some space and train again.`,
        'conflict'
      )
    }
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
  const record = parseModelRecord(parseJson(await read(RECORD), dir, RECORD), dir)
  const topology = await read(TOPOLOGY)
  const weights = await read(WEIGHTS)
  for (const [name, bytes] of [
    [TOPOLOGY, topology],
    [WEIGHTS, weights]
  ] as const) {
    const expected = record.files?.[name]
    if (expected && sha256(bytes) !== expected) {
      throw new UserError(
        `${dir}/${name} does not match the checksum saved with the model: the model files are damaged or were changed`,
        'conflict'
      )
    }
  }
  const json = parseJson(topology, dir, TOPOLOGY) as tf.io.ModelJSON
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

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

function parseJson(bytes: Buffer, dir: string, name: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new UserError(`${dir}/${name} is not valid JSON: the model files are damaged`, 'conflict')
  }
}

async function writeSynced(path: string, data: Buffer | string): Promise<void> {
  const handle = await open(path, 'w')
  try {
    await handle.writeFile(data)
    await handle.sync()
  } finally {
    await handle.close()
  }
}

/** Makes a rename or a new file in `folder` durable; not possible everywhere (Windows). */
async function syncFolder(folder: string): Promise<void> {
  const handle = await open(folder, 'r').catch(() => null)
  await handle
    ?.sync()
    .catch(() => undefined)
    .finally(() => void handle.close())
}
