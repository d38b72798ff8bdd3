import * as tf from '@tensorflow/tfjs'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { initBackend } from './init-backend'
import { wasmBinaryFolder } from './wasm-setup'

describe('initBackend', () => {
  it('says which backend it chose and why, once per process', async () => {
    const info = await initBackend()
    expect(['tensorflow-gpu', 'tensorflow', 'wasm', 'cpu']).toContain(info.name)
    expect(info.threads).toBeGreaterThanOrEqual(1)
    expect(info.package).toMatch(/^@tensorflow\//)
    if (info.name === 'wasm') {
      expect(info.package).toBe('@tensorflow/tfjs-backend-wasm')
      expect(info.reason).toMatch(/tfjs-node-gpu is (not installed|installed but failed)/)
      expect(info.reason).toMatch(/WebAssembly .* with Flukeprint's gradient kernels/)
      expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined()
    }
    expect(await initBackend({ prefer: 'cpu' })).toBe(info)
  })

  it('switches back when something else changed the backend meanwhile', async () => {
    const info = await initBackend()
    await tf.setBackend('cpu')
    await initBackend()
    expect(tf.getBackend()).toBe(info.name === 'tensorflow-gpu' ? 'tensorflow' : info.name)
  })

  it('finds the wasm binaries on disk', () => {
    const folder = wasmBinaryFolder()
    expect(folder.endsWith(path.sep)).toBe(true)
    expect(existsSync(path.join(folder, 'tfjs-backend-wasm-simd.wasm'))).toBe(true)
  })
})
