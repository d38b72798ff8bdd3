export {
  BACKBONE_LAYER,
  BACKBONE_POOLING,
  INPUT_SIZE,
  loadBackbone,
  loadMobileNetV2,
  multiOutput,
  truncate
} from './backbone'
export type { Backbone } from './backbone'
export { extractFeatures } from './extract'
export type { ExtractOptions } from './extract'
export { BACKBONE_PACKAGE, BackboneUnavailableError } from './bundled-weights'
export { DEFAULT_NORMALISATION, decodeForBackbone, toBatch } from './input'
export type { Normalisation } from './input'
export { pool, pooledLength, POOLINGS } from './pooling'
export type { Pooling } from './pooling'
export { STUDY_LAYERS } from './study-layers'
