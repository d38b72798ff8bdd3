export { isUnknownLabel } from './classes'
export type { IgnoredPair, MustDifferPair } from './must-differ'
export { PKSampler, TOO_FEW_INDIVIDUALS, type PKBatch, type PKSamplerOptions } from './pk-sampler'
