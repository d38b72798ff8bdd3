import type { KernelBackend, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs'
import { originalKernel, WASM } from './scratch'

/**
 * tfjs saves every tensor a gradient needs through Identity, and the wasm Identity copies the
 * data (about 320 copies of activations per training step of a small ResNet). tfjs tensors are
 * immutable (a Variable's assign swaps its dataId), so sharing the buffer by reference count is
 * safe; the cpu backend's Identity does the same.
 */
const identity: KernelFunc = (args) => {
  const x = args.inputs['x'] as TensorInfo
  if (x.dtype === 'string') {
    const fallback = originalKernel('Identity')
    if (!fallback) throw new Error('No wasm Identity kernel')
    return fallback(args)
  }
  ;(args.backend as KernelBackend).incRef(x.dataId)
  return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype }
}

export const identityConfig: KernelConfig = {
  kernelName: 'Identity',
  backendName: WASM,
  kernelFunc: identity
}
