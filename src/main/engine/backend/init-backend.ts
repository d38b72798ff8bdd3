import * as tf from '@tensorflow/tfjs'
import os from 'node:os'
import { startWasm } from './wasm-setup'

export type BackendName = 'tensorflow-gpu' | 'tensorflow' | 'wasm' | 'cpu'

export type BackendInfo = {
  name: BackendName
  /** The npm package that provides it. */
  package: string
  /** What was found and why this backend was chosen, in words for the user. */
  reason: string
  threads: number
}

export type BackendPreference = 'auto' | 'wasm' | 'cpu'

type Attempt = { ok: true; info: BackendInfo } | { ok: false; why: string }

let chosen: Promise<BackendInfo> | undefined

/**
 * Picks the fastest TensorFlow.js backend this machine can run, once per process: later calls
 * return the first call's answer, whatever they prefer. tfjs-node-gpu, then tfjs-node (both need
 * libtensorflow, which npm downloads at install time), then WebAssembly with Flukeprint's
 * gradient kernels, then the pure-JavaScript cpu backend (hundreds of times slower to train).
 */
export async function initBackend(
  options: { prefer?: BackendPreference } = {}
): Promise<BackendInfo> {
  chosen ??= choose(options.prefer ?? 'auto').catch((error: unknown) => {
    chosen = undefined
    throw error
  })
  const info = await chosen
  // Someone (a test, a benchmark) may have switched backends since: switch back.
  const active = info.name === 'tensorflow-gpu' ? 'tensorflow' : info.name
  if (tf.getBackend() !== active) await tf.setBackend(active)
  return info
}

async function choose(prefer: BackendPreference): Promise<BackendInfo> {
  const notes: string[] = []
  if (prefer === 'cpu') return useCpu('cpu was asked for')
  if (prefer === 'auto') {
    for (const [pkg, name] of NATIVE) {
      const attempt = await tryNative(pkg, name)
      if (attempt.ok) return attempt.info
      notes.push(attempt.why)
    }
  } else {
    notes.push('WebAssembly was asked for')
  }
  const wasm = await tryWasm(notes)
  if (wasm.ok) return wasm.info
  notes.push(wasm.why)
  return useCpu(notes.join('; '))
}

const NATIVE: [string, BackendName][] = [
  ['@tensorflow/tfjs-node-gpu', 'tensorflow-gpu'],
  ['@tensorflow/tfjs-node', 'tensorflow']
]

async function tryNative(pkg: string, name: BackendName): Promise<Attempt> {
  const short = pkg.replace('@tensorflow/', '')
  try {
    // A variable specifier keeps bundlers and tsc from requiring the optional package.
    const specifier = pkg
    await import(/* @vite-ignore */ specifier)
  } catch (error) {
    return { ok: false, why: describeImportFailure(short, error) }
  }
  if (!(await tf.setBackend('tensorflow'))) {
    return { ok: false, why: `${short} loaded but its TensorFlow backend did not start` }
  }
  const threads = os.availableParallelism()
  const reason = `${short} loaded (native libtensorflow${name === 'tensorflow-gpu' ? ' with CUDA' : ''}); using it`
  return { ok: true, info: { name, package: pkg, reason, threads } }
}

function describeImportFailure(short: string, error: unknown): string {
  const code = (error as { code?: unknown }).code
  if (code === 'ERR_MODULE_NOT_FOUND' || code === 'MODULE_NOT_FOUND') {
    return `${short} is not installed (npm could not download libtensorflow for it)`
  }
  const message = error instanceof Error ? error.message : String(error)
  return `${short} is installed but failed to load (${message.split('\n')[0] ?? 'unknown error'})`
}

async function tryWasm(notes: string[]): Promise<Attempt> {
  try {
    const setup = await startWasm()
    const simd = setup.simd ? 'SIMD' : 'no SIMD'
    const found = notes.length ? `${notes.join('; ')}; ` : ''
    const reason = `${found}using WebAssembly (${simd}, ${setup.threads} thread) with Flukeprint's gradient kernels`
    return {
      ok: true,
      info: {
        name: 'wasm',
        package: '@tensorflow/tfjs-backend-wasm',
        reason,
        threads: setup.threads
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return { ok: false, why: `the WebAssembly backend failed (${message})` }
  }
}

async function useCpu(why: string): Promise<BackendInfo> {
  await tf.setBackend('cpu')
  const reason = `${why}; WARNING: using the pure-JavaScript cpu backend, which trains hundreds of times slower`
  return { name: 'cpu', package: '@tensorflow/tfjs-backend-cpu', reason, threads: 1 }
}
