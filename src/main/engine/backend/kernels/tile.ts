import type { KernelConfig, KernelFunc, TensorInfo, TileAttrs } from '@tensorflow/tfjs'
import { originalKernel, WASM, withScratch } from './scratch'

/**
 * The BatchNorm gradient tiles a [1, 1, 1, C] vector to the full activation shape, and the
 * wasm Tile kernel computes an index per element (about 270 ms for one 32x48x48x32 tile).
 * When the tile is really a broadcast, zeros plus a broadcasting Add does the same in two
 * streaming passes.
 */
const tile: KernelFunc = (args) => {
  const x = args.inputs['x'] as TensorInfo
  const { reps } = args.attrs as unknown as TileAttrs
  const broadcast = x.shape.every((d, i) => d === 1 || (reps[i] ?? 1) === 1)
  if (!broadcast || (x.dtype !== 'float32' && x.dtype !== 'int32')) {
    const fallback = originalKernel('Tile')
    if (!fallback) throw new Error('No wasm Tile kernel')
    return fallback(args)
  }
  const shape = x.shape.map((d, i) => d * (reps[i] ?? 1))
  return withScratch(args.backend, (s) => {
    const zeros = s.run('Fill', [], { shape, value: 0, dtype: x.dtype })
    return s.run('Add', { a: zeros, b: x })
  })
}

export const tileConfig: KernelConfig = { kernelName: 'Tile', backendName: WASM, kernelFunc: tile }
