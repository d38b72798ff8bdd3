// TensorFlow.js's wasm and cpu backends compute synchronously and resolve data() as a
// microtask, so a loop of training steps or embedding batches never gives Node's event loop a
// turn: the web host, Electron's IPC and a Cancel press would all wait for the whole run.
// Long engine loops call this between steps.
let lastTurn = 0

/** Yields to the event loop when more than `everyMs` passed since the last turn. */
export async function letOthersRun(everyMs = 20): Promise<void> {
  if (performance.now() - lastTurn < everyMs) return
  await new Promise<void>((resolve) => setImmediate(resolve))
  lastTurn = performance.now()
}
