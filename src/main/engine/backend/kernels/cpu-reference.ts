import * as tf from '@tensorflow/tfjs'

export type Comparison = { maxDiff: number; scale: number; relative: number }

/**
 * Runs `f` on the cpu backend and on wasm (same inputs: `f` builds them) and returns the largest
 * difference between the outputs, relative to the largest cpu value (at least 1). For tests.
 */
export async function compareWithCpu(f: () => tf.Tensor | tf.Tensor[]): Promise<Comparison> {
  const results: Float32Array[][] = []
  for (const backend of ['cpu', 'wasm']) {
    await tf.setBackend(backend)
    results.push(
      tf.tidy(() => {
        const out = f()
        return (Array.isArray(out) ? out : [out]).map((t) => t.dataSync() as Float32Array)
      })
    )
  }
  const [cpu = [], wasm = []] = results
  let maxDiff = 0
  let scale = 1
  cpu.forEach((values, i) => {
    const other = wasm[i]
    if (!other || other.length !== values.length) throw new Error(`output ${i} differs in size`)
    values.forEach((v, j) => {
      maxDiff = Math.max(maxDiff, difference(v, other[j] ?? NaN))
      scale = Math.max(scale, Math.abs(v))
    })
  })
  return { maxDiff, scale, relative: maxDiff / scale }
}

function difference(a: number, b: number): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b) ? 0 : Infinity
  return Math.abs(a - b)
}

/** Deterministic test data in [-1, 1]. */
export function wave(shape: number[], phase = 0): tf.Tensor {
  const size = shape.reduce((a, b) => a * b, 1)
  return tf.tensor(
    Float32Array.from({ length: size }, (_, i) => Math.sin(i * 1.37 + phase)),
    shape
  )
}
