import * as tf from '@tensorflow/tfjs'
import { getThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { registerWasmGradientKernels } from './kernels/register'
import { guardWasmMalloc } from './wasm-heap'

const WASM_PACKAGE = '@tensorflow/tfjs-backend-wasm'
const BINARY = 'tfjs-backend-wasm-simd.wasm'

/**
 * The folder holding the .wasm binaries, found at run time: once main is bundled, the package's
 * own default (next to the script that loaded it) points into the bundle's folder instead.
 */
export function wasmBinaryFolder(): string {
  const bases = [import.meta.url, path.join(process.cwd(), 'package.json')]
  for (const base of bases) {
    try {
      const entry = createRequire(base).resolve(WASM_PACKAGE)
      const folder = path.dirname(entry)
      if (existsSync(path.join(folder, BINARY))) return unpackedPath(folder) + path.sep
    } catch {
      // try the next base
    }
  }
  throw new Error(`${WASM_PACKAGE} is not installed: its ${BINARY} could not be found`)
}

/**
 * In a packaged app the binaries are unpacked beside app.asar (electron-builder.yml asarUnpack):
 * Electron's fs reads through the archive, but wasm worker threads need the real file.
 */
export function unpackedPath(folder: string): string {
  return folder.replace(/([\\/])app\.asar([\\/])/, '$1app.asar.unpacked$2')
}

export type WasmSetup = { threads: number; simd: boolean; kernels: string[] }

/**
 * Starts the wasm backend with Flukeprint's gradient kernels. Threads: tfjs turns wasm
 * multithreading off under Node. Forcing the threaded-SIMD build on (flag, a worker written to a
 * temp file, and a patched os.cpus so it does not halve a 2-core machine to 1 thread) gave
 * getThreadsCount() = 2 on the 2-core test machine, yet XNNPACK convolutions and matmuls still
 * ran on one core (CPU time = wall time) and inference got slower, 4.6 -> 7.8 ms per image (the
 * shared-memory heap costs). Not worth its fragility: single-threaded SIMD it is.
 */
export async function startWasm(): Promise<WasmSetup> {
  if (tf.getBackend() !== 'wasm') {
    // setWasmPaths throws once the module is initialised; its paths are settled by then.
    if (!tf.findBackend('wasm')) setWasmPaths(wasmBinaryFolder())
    const before = processListeners()
    const ok = await tf.setBackend('wasm')
    restoreProcessListeners(before)
    if (!ok) throw new Error('the wasm backend failed to initialise')
  }
  guardWasmMalloc()
  const kernels = registerWasmGradientKernels()
  const simd = (await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT')) === true
  return { threads: Math.max(1, getThreadsCount()), simd, kernels }
}

const EVENTS = ['uncaughtException', 'unhandledRejection'] as const
type Listeners = Map<(typeof EVENTS)[number], Set<unknown>>

function processListeners(): Listeners {
  return new Map(
    EVENTS.map((e) => [e, new Set<unknown>(process.listeners(e as 'uncaughtException'))])
  )
}

/**
 * The Emscripten runtime adds process handlers that rethrow every uncaught exception and unhandled
 * rejection, overriding whatever the app (or Electron) does with them. Wasm errors still reach
 * the caller synchronously, so the handlers only change how unrelated errors end the process.
 */
function restoreProcessListeners(before: Listeners): void {
  for (const [event, kept] of before) {
    const name = event as 'uncaughtException'
    for (const listener of process.listeners(name)) {
      if (!kept.has(listener)) process.removeListener(name, listener)
    }
  }
}
