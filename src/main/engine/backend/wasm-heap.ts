import * as tf from '@tensorflow/tfjs'

/**
 * The wasm backend keeps every tensor in one 32-bit heap. Measured on tfjs 4.22 under Node 20:
 * the heap grows to 4 GiB and no further; past that the backend's malloc returns 0 and tfjs
 * goes on writing tensors at address 0 (silent corruption, later "memory access out of bounds").
 * Training GPU_BRANCH (384x384, width 64) on wasm: batch 16 fits, 20 does not.
 */
export const WASM_HEAP_LIMIT_BYTES = 4096 * 2 ** 20

/** Headroom for XNNPACK's own buffers (packed weights, indirection) and fragmentation. */
const USABLE_SHARE = 0.85

export class WasmHeapError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'WasmHeapError'
  }
}

const MiB = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MiB`

/**
 * Throws a WasmHeapError when `bytes` more would not fit next to what the wasm heap already
 * holds. Does nothing on other backends (their memory is the machine's).
 */
export function assertFitsInWasmHeap(bytes: number, what = 'this step'): void {
  if (tf.getBackend() !== 'wasm') return
  const used = tf.memory().numBytes
  const usable = WASM_HEAP_LIMIT_BYTES * USABLE_SHARE
  if (used + bytes > usable) {
    throw new WasmHeapError(
      `${what} needs about ${MiB(bytes)} but the WebAssembly heap (32-bit, ${MiB(WASM_HEAP_LIMIT_BYTES)}) ` +
        `already holds ${MiB(used)} of ${MiB(usable)} usable; use a smaller batch or input size`
    )
  }
}

type Malloc = (bytes: number) => number
type WasmModule = { _malloc: Malloc; flukeprintGuarded?: true }

/**
 * Makes the backend's malloc throw a WasmHeapError instead of returning 0, so a tensor that does
 * not fit fails where it is made. Allocations inside XNNPACK are out of reach: estimate first.
 * Emscripten binds `_malloc` lazily and overwrites the property on first use, hence the setter.
 */
export function guardWasmMalloc(): void {
  const backend = tf.findBackend('wasm') as unknown as { wasm?: WasmModule } | null
  const wasm = backend?.wasm
  if (!wasm || wasm.flukeprintGuarded) return
  let raw: Malloc = wasm._malloc.bind(wasm)
  const guarded: Malloc = (bytes) => {
    // Sizes from 4 GiB up would wrap around in the 32-bit call and "succeed" small.
    const pointer = bytes >= WASM_HEAP_LIMIT_BYTES ? 0 : raw(bytes)
    if (pointer === 0 && bytes > 0) {
      throw new WasmHeapError(
        `the WebAssembly heap is full (32-bit, ${MiB(WASM_HEAP_LIMIT_BYTES)}) and cannot hold ` +
          `${MiB(bytes)} more; use a smaller batch or input size`
      )
    }
    return pointer
  }
  Object.defineProperty(wasm, '_malloc', {
    configurable: true,
    get: () => guarded,
    set: (f: Malloc) => {
      raw = f
    }
  })
  wasm.flukeprintGuarded = true
}

/**
 * Bytes a training step of `batchSize` is expected to hold at its peak: measured at 2.3-2.6x
 * the layer outputs (kept for the backward pass, plus their gradients) on the branch and test
 * nets, taken as 3x for the kernels' own scratch, plus weights, gradients and Adam's two moments.
 */
export function estimateTrainingBytes(model: tf.LayersModel, batchSize: number): number {
  let floatsPerImage = 0
  for (const layer of model.layers) {
    const shapes = (
      Array.isArray(layer.outputShape[0]) ? layer.outputShape : [layer.outputShape]
    ) as tf.Shape[]
    for (const shape of shapes)
      floatsPerImage += shape.slice(1).reduce<number>((a, b) => a * (b ?? 1), 1)
  }
  return 4 * (3 * floatsPerImage * batchSize + 4 * model.countParams())
}

/** Throws a WasmHeapError naming the largest batch that would fit, when `batchSize` does not. */
export function assertTrainingFits(model: tf.LayersModel, batchSize: number): void {
  const need = estimateTrainingBytes(model, batchSize)
  try {
    assertFitsInWasmHeap(need, `a training step of ${batchSize} images`)
  } catch (error) {
    const perImage = estimateTrainingBytes(model, 1) - estimateTrainingBytes(model, 0)
    const free =
      WASM_HEAP_LIMIT_BYTES * USABLE_SHARE - tf.memory().numBytes - estimateTrainingBytes(model, 0)
    const largest = Math.max(0, Math.floor(free / perImage))
    if (error instanceof WasmHeapError) {
      throw new WasmHeapError(`${error.message} (about ${largest} images fit)`)
    }
    throw error
  }
}

type EngineState = { gradientDepth: number; activeTape: { saved?: tf.Tensor[] }[] | null }

/**
 * Runs one training step; if it throws (a full heap, typically), frees what tfjs leaves behind.
 * tfjs keeps every tensor the backward pass needs until that pass finishes, so a step that fails
 * midway leaks them all and the next, smaller attempt starts on a heap that is still full.
 */
export function withHeapRecovery<T>(step: () => T): T {
  try {
    return step()
  } catch (error) {
    const state = (tf.engine() as unknown as { state: EngineState }).state
    if (state.gradientDepth === 0 && state.activeTape) {
      for (const node of state.activeTape) tf.dispose(node.saved ?? [])
      state.activeTape = null
    }
    throw error
  }
}
