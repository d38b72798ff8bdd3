import * as tf from '@tensorflow/tfjs'
import type { KernelConfig, KernelFunc, MaxPoolGradAttrs, TensorInfo } from '@tensorflow/tfjs'
import { WASM } from './scratch'

type HeapBackend = {
  makeOutput(shape: number[], dtype: 'float32'): TensorInfo
  typedArrayFromHeap(info: TensorInfo): Float32Array
}

/**
 * Max-pool gradient: dy goes to the first maximum of each window (the cpu backend's rule).
 * Both wasm routes are wrong: MaxPoolGrad lets padding win over negative values (and rescans
 * every window per input pixel, 33 ns per element), and MaxPoolWithArgmax starts from FLT_MIN
 * instead of -Infinity (an all-negative window yields index 0) and takes the last of tied
 * maxima. A JavaScript loop over the heap does it exactly, several times faster.
 */
const maxPoolGrad: KernelFunc = (args) => {
  const { dy, input } = args.inputs as { dy: TensorInfo; input: TensorInfo }
  const { filterSize, strides, pad, dimRoundingMode } = args.attrs as unknown as MaxPoolGradAttrs
  const shape = input.shape as [number, number, number, number]
  const info = tf.backend_util.computePool2DInfo(
    shape,
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode
  )
  const backend = args.backend as HeapBackend
  const out = backend.makeOutput([...shape], 'float32')
  // Views only after the output exists: making it may grow (and detach) the heap.
  const dx = backend.typedArrayFromHeap(out)
  dx.fill(0)
  const x = backend.typedArrayFromHeap(input)
  const g = backend.typedArrayFromHeap(dy)
  const p = info.padInfo
  const unpadded = p.top === 0 && p.left === 0 && p.bottom === 0 && p.right === 0
  const twoByTwo = [info.filterHeight, info.filterWidth, info.strideHeight, info.strideWidth].every(
    (v) => v === 2
  )
  if (twoByTwo && unpadded) pool2x2(x, g, dx, info)
  else scatterToFirstMax(x, g, dx, info)
  return out
}

function scatterToFirstMax(
  x: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  info: tf.backend_util.Conv2DInfo
): void {
  const { batchSize, inHeight: h, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info
  const { strideHeight: sh, strideWidth: sw, filterHeight: fh, filterWidth: fw } = info
  const { top, left } = info.padInfo
  const best = new Float32Array(c)
  const where = new Int32Array(c)
  let o = 0
  for (let b = 0; b < batchSize; b++) {
    for (let r = 0; r < oh; r++) {
      const r0 = Math.max(0, r * sh - top)
      const r1 = Math.min(h, r * sh - top + fh)
      for (let q = 0; q < ow; q++, o += c) {
        const q0 = Math.max(0, q * sw - left)
        const q1 = Math.min(w, q * sw - left + fw)
        best.fill(-Infinity)
        where.fill(-1)
        for (let i = r0; i < r1; i++) {
          for (let j = q0; j < q1; j++) {
            const base = ((b * h + i) * w + j) * c
            for (let k = 0; k < c; k++) {
              const v = x[base + k] as number
              if (v > (best[k] as number)) {
                best[k] = v
                where[k] = base + k
              }
            }
          }
        }
        for (let k = 0; k < c; k++) {
          const at = where[k] as number
          if (at >= 0) dx[at] = (dx[at] as number) + (dy[o + k] as number)
        }
      }
    }
  }
}

/** The usual 2x2 stride-2 pool, unrolled: about twice as fast as the general loop. */
function pool2x2(
  x: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  info: tf.backend_util.Conv2DInfo
): void {
  const { batchSize, inWidth: w, inChannels: c, outHeight: oh, outWidth: ow } = info
  const row = w * c
  let o = 0
  for (let b = 0; b < batchSize; b++) {
    for (let r = 0; r < oh; r++) {
      let base = (b * info.inHeight + 2 * r) * row
      for (let q = 0; q < ow; q++, base += 2 * c) {
        for (let k = 0; k < c; k++, o++) {
          const a0 = base + k
          const a1 = a0 + c
          const a2 = a0 + row
          const a3 = a2 + c
          let best = x[a0] as number
          let at = a0
          let v = x[a1] as number
          if (v > best) {
            best = v
            at = a1
          }
          v = x[a2] as number
          if (v > best) {
            best = v
            at = a2
          }
          if ((x[a3] as number) > best) at = a3
          dx[at] = dy[o] as number
        }
      }
    }
  }
}

export const maxPoolGradConfig: KernelConfig = {
  kernelName: 'MaxPoolGrad',
  backendName: WASM,
  kernelFunc: maxPoolGrad
}
