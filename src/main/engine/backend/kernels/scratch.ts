import * as tf from '@tensorflow/tfjs'
import type {
  KernelBackend,
  KernelFunc,
  NamedAttrMap,
  NamedTensorInfoMap,
  TensorInfo
} from '@tensorflow/tfjs'

export const WASM = 'wasm'

/** The wasm backend's own kernels, saved before Flukeprint replaces any of them. */
const originals = new Map<string, KernelFunc>()

export function saveOriginalKernel(name: string): void {
  const config = tf.getKernel(name, WASM)
  if (config && !originals.has(name)) originals.set(name, config.kernelFunc)
}

export function originalKernel(name: string): KernelFunc | undefined {
  return originals.get(name) ?? tf.getKernel(name, WASM)?.kernelFunc
}

type KernelInputs = NamedTensorInfoMap | TensorInfo[]

/**
 * Runs wasm kernels inside another kernel. The engine only tracks what a kernel returns, so
 * every intermediate made here is freed when the scratch is released.
 */
export class Scratch {
  private readonly temps: TensorInfo[] = []

  constructor(readonly backend: KernelBackend) {}

  run(name: string, inputs: KernelInputs, attrs: NamedAttrMap = {}): TensorInfo {
    const [first] = this.runAll(name, inputs, attrs)
    if (!first) throw new Error(`The wasm '${name}' kernel returned nothing`)
    return first
  }

  /** For kernels with several outputs. Uses what is registered now (Flukeprint's Slice too). */
  runAll(name: string, inputs: KernelInputs, attrs: NamedAttrMap = {}): TensorInfo[] {
    const kernel = tf.getKernel(name, WASM)?.kernelFunc
    if (!kernel) throw new Error(`The wasm backend has no '${name}' kernel`)
    const out = kernel({ inputs: inputs as NamedTensorInfoMap, attrs, backend: this.backend })
    const infos = Array.isArray(out) ? out : [out]
    this.temps.push(...infos)
    return infos
  }

  reshape(x: TensorInfo, shape: number[]): TensorInfo {
    return this.run('Reshape', { x }, { shape })
  }

  transpose(x: TensorInfo, perm: number[]): TensorInfo {
    return this.run('Transpose', { x }, { perm })
  }

  slice(x: TensorInfo, begin: number[], size: number[]): TensorInfo {
    return this.run('Slice', { x }, { begin, size })
  }

  pad(x: TensorInfo, paddings: [number, number][]): TensorInfo {
    return this.run('PadV2', { x }, { paddings, constantValue: 0 })
  }

  reverse(x: TensorInfo, dims: number[]): TensorInfo {
    return this.run('Reverse', { x }, { dims })
  }

  /** A plain [M, K] x [K, N] product: the only form the wasm backend hands to XNNPACK. */
  matMul(a: TensorInfo, b: TensorInfo): TensorInfo {
    return this.run('BatchMatMul', { a, b }, { transposeA: false, transposeB: false })
  }

  conv2d(
    x: TensorInfo,
    filter: TensorInfo,
    pads: Pads,
    dilation: Pair = 1,
    strides: Pair = 1
  ): TensorInfo {
    return this.run(
      'Conv2D',
      { x, filter },
      {
        strides,
        pad: explicit(pads),
        dataFormat: 'NHWC',
        dilations: dilation,
        dimRoundingMode: 'floor'
      }
    )
  }

  depthwise(x: TensorInfo, filter: TensorInfo, pads: Pads, dilation: Pair = 1): TensorInfo {
    return this.run(
      'DepthwiseConv2dNative',
      { x, filter },
      {
        strides: 1,
        pad: explicit(pads),
        dilations: dilation
      }
    )
  }

  sum(x: TensorInfo, axis: number[]): TensorInfo {
    return this.run('Sum', { x }, { axis, keepDims: false })
  }

  /** Hands `results` to the caller and frees everything else. */
  finish<R extends TensorInfo | TensorInfo[]>(results: R): R {
    const kept = new Set(Array.isArray(results) ? results : [results])
    for (const t of this.temps) if (!kept.has(t)) this.backend.disposeData(t.dataId)
    this.temps.length = 0
    return results
  }

  /** A new float32 tensor holding `values` (per-channel vectors and other small operands). */
  vector(values: ArrayLike<number>, shape: number[] = [values.length]): TensorInfo {
    const backend = this.backend as unknown as {
      makeOutput(shape: number[], dtype: 'float32'): TensorInfo
      typedArrayFromHeap(info: TensorInfo): Float32Array
    }
    const out = backend.makeOutput(shape, 'float32')
    backend.typedArrayFromHeap(out).set(values)
    this.temps.push(out)
    return out
  }

  /** Reads a small tensor back (valid until the next allocation). */
  read(info: TensorInfo): Float32Array {
    const backend = this.backend as unknown as { typedArrayFromHeap(i: TensorInfo): Float32Array }
    return backend.typedArrayFromHeap(info)
  }

  release(): void {
    for (const t of this.temps) this.backend.disposeData(t.dataId)
    this.temps.length = 0
  }
}

type Pair = number | [number, number]

export type Pads = { top: number; bottom: number; left: number; right: number }

function explicit(p: Pads): number[][] {
  return [
    [0, 0],
    [p.top, p.bottom],
    [p.left, p.right],
    [0, 0]
  ]
}

/** Runs `body` with a scratch that is always cleaned up, even when a kernel throws. */
export function withScratch<R extends TensorInfo | TensorInfo[]>(
  backend: unknown,
  body: (s: Scratch) => R
): R {
  const s = new Scratch(backend as KernelBackend)
  try {
    return s.finish(body(s))
  } catch (error) {
    s.release()
    throw error
  }
}
