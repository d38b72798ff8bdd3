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

export function saveTrackedJob(id: string | null) {
  try {
    if (id === null) window.sessionStorage.removeItem(KEY)
    else window.sessionStorage.setItem(KEY, id)
  } catch {
    // Without storage the page still tracks the job until it is left.
  }
}
