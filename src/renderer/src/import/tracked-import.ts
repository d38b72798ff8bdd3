// The import this window started last, kept in sessionStorage so that leaving the Import page
// (or reloading) and coming back still shows its progress or its summary.
const KEY = 'flukeprint.import.job'

export function loadTrackedJob(): string | null {
  try {
    return window.sessionStorage.getItem(KEY)
  } catch {
    return null
  }
}

const CHANGED = 'flukeprint:tracked-import'

export function saveTrackedJob(id: string | null) {
  try {
    if (id === null) window.sessionStorage.removeItem(KEY)
    else window.sessionStorage.setItem(KEY, id)
  } catch {
    // Without storage the page still tracks the job until it is left.
  }
  // An import started elsewhere (a folder dropped on the window) shows on an open Import page.
  window.dispatchEvent(new CustomEvent<string | null>(CHANGED, { detail: id }))
}

export function onTrackedJob(listener: (id: string | null) => void): () => void {
  const forward = (event: Event) => listener((event as CustomEvent<string | null>).detail)
  window.addEventListener(CHANGED, forward)
  return () => window.removeEventListener(CHANGED, forward)
}
