import * as tf from '@tensorflow/tfjs'
import { beforeAll, describe, expect, it } from 'vitest'
import { initBackend } from './init-backend'
import { assertFitsInWasmHeap, WASM_HEAP_LIMIT_BYTES, WasmHeapError } from './wasm-heap'

type Heap = {
  makeOutput(shape: number[], dtype: 'float32'): tf.TensorInfo
  disposeData(dataId: tf.DataId): boolean
}
const heap = () => tf.backend() as unknown as Heap
// Straight from the backend: allocates without writing 4 GB of pages.
const allocate = (floats: number) => heap().makeOutput([floats], 'float32')

beforeAll(async () => {
  await initBackend({ prefer: 'wasm' })
  await tf.setBackend('wasm')
})

describe('the 32-bit wasm heap', () => {
  it('assertFitsInWasmHeap accepts small needs and refuses impossible ones clearly', () => {
    expect(() => assertFitsInWasmHeap(2 ** 20)).not.toThrow()
    expect(() => assertFitsInWasmHeap(WASM_HEAP_LIMIT_BYTES, 'a batch of 512')).toThrow(
      WasmHeapError
    )
    expect(() => assertFitsInWasmHeap(WASM_HEAP_LIMIT_BYTES, 'a batch of 512')).toThrow(
      /a batch of 512 needs about \d+ MiB.*smaller batch/
    )
  })

  it('a tensor of 4 GiB or more fails with a WasmHeapError instead of wrapping around', () => {
    expect(() => allocate(2 ** 30 + 16)).toThrow(WasmHeapError)
    expect(tf.tidy(() => tf.add(tf.scalar(1), 2).dataSync()[0])).toBe(3)
  })

  it('filling the heap fails with a WasmHeapError, and the backend keeps working', () => {
    const held: tf.TensorInfo[] = []
    let error: unknown
    try {
      for (let i = 0; i < 12; i++) held.push(allocate(96 * 2 ** 20))
    } catch (e) {
      error = e
    } finally {
      for (const t of held) heap().disposeData(t.dataId)
    }
    expect(error).toBeInstanceOf(WasmHeapError)
    expect(held.length).toBeGreaterThan(5)
    expect(tf.tidy(() => tf.sum(tf.ones([1000])).dataSync()[0])).toBe(1000)
  })
})
