import * as tf from '@tensorflow/tfjs'
import type { KernelConfig } from '@tensorflow/tfjs'
import { batchNormConfigs } from './batch-norm'
import { conv2dBackpropFilterConfig } from './conv2d-backprop-filter'
import { conv2dBackpropInputConfig } from './conv2d-backprop-input'
import { depthwiseBackpropConfigs } from './depthwise-backprop'
import { identityConfig } from './identity'
import { maxPoolGradConfig } from './max-pool-grad'
import { saveOriginalKernel, WASM } from './scratch'
import { sliceConfig } from './slice'
import { tileConfig } from './tile'

const KERNELS: KernelConfig[] = [
  conv2dBackpropFilterConfig,
  conv2dBackpropInputConfig,
  tileConfig,
  identityConfig,
  maxPoolGradConfig,
  sliceConfig,
  ...batchNormConfigs,
  ...depthwiseBackpropConfigs
]

let registered = false

/**
 * Adds Flukeprint's gradient kernels to the wasm backend. Call after `tf.setBackend('wasm')`:
 * the wasm kernels these compose are set up when the backend initialises.
 */
export function registerWasmGradientKernels(): string[] {
  if (registered) return KERNELS.map((k) => k.kernelName)
  for (const config of KERNELS) {
    saveOriginalKernel(config.kernelName)
    // registerKernel warns on replacement, so clear the built-in first.
    if (tf.getKernel(config.kernelName, WASM)) tf.unregisterKernel(config.kernelName, WASM)
    tf.registerKernel(config)
  }
  registered = true
  return KERNELS.map((k) => k.kernelName)
}
