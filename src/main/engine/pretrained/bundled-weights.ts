// Reads the MobileNetV2 that nsfwjs ships inside its npm package (model JSON and uint8-quantised
// weights as base64 JS modules), so the backbone loads with no network and no files of our own.
import * as tf from '@tensorflow/tfjs'

/** nsfwjs@4.4.0 (MIT). Its MobileNetV2 is a Keras layers model, 224x224x3 in. */
export const BACKBONE_PACKAGE = 'nsfwjs'
const MODEL_ENTRY = `${BACKBONE_PACKAGE}/models/mobilenet_v2`

type DefaultExport<T> = { default: T }

/** The part of nsfwjs's ModelDefinition we rely on; declared here so tsc needs no package. */
interface BundledModel {
  modelJson: () => Promise<DefaultExport<tf.io.ModelJSON>>
  weightBundles: Array<() => Promise<DefaultExport<string>>>
}

export class BackboneUnavailableError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'BackboneUnavailableError'
  }
}

async function importBundle(): Promise<BundledModel> {
  try {
    // A variable specifier: the package is optional until adopted, and must stay out of bundles.
    const specifier = MODEL_ENTRY
    const module = (await import(/* @vite-ignore */ specifier)) as {
      MobileNetV2Model?: BundledModel
    }
    if (!module.MobileNetV2Model) throw new Error('MobileNetV2Model is not exported')
    return module.MobileNetV2Model
  } catch (error) {
    const why = (error instanceof Error ? error.message : String(error)).split('\n')[0]
    throw new BackboneUnavailableError(
      `the pretrained backbone needs the npm package ${BACKBONE_PACKAGE} (${why})`
    )
  }
}

function toArrayBuffer(base64: string): ArrayBuffer {
  const bytes = Buffer.from(base64, 'base64')
  // Buffer may be a view into a shared pool: copy out exactly its own bytes.
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)
}

/** Model topology plus weights, ready for tf.io.fromMemory. */
export async function readBundledArtifacts(): Promise<tf.io.ModelArtifacts> {
  const bundle = await importBundle()
  const json = (await bundle.modelJson()).default
  const shards = await Promise.all(bundle.weightBundles.map(async (load) => (await load()).default))
  const manifest = json.weightsManifest
  const paths = manifest.flatMap((group) => group.paths)
  if (paths.length !== shards.length) {
    throw new BackboneUnavailableError(
      `${BACKBONE_PACKAGE} lists ${paths.length} weight shards but bundles ${shards.length}`
    )
  }
  const buffers = shards.map(toArrayBuffer)
  return {
    modelTopology: json.modelTopology,
    weightSpecs: manifest.flatMap((group) => group.weights),
    weightData: tf.io.concatenateArrayBuffers(buffers)
  }
}
