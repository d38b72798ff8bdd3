import { useMemo, useSyncExternalStore } from 'react'
import { formatHash, parseHash, type Route } from './routes'

// Whether this window has moved since it loaded: only then does Back lead somewhere in the app
// rather than out of it (or to nothing, after a reload).
let movedInApp = false

function subscribe(onChange: () => void) {
  const listener = () => {
    movedInApp = true
    onChange()
  }
  window.addEventListener('hashchange', listener)
  return () => window.removeEventListener('hashchange', listener)
}

const readHash = () => window.location.hash

/** The current route, re-rendering on every hash change. */
export function useRoute(): Route {
  // The store holds the string; parsing once per change keeps the Route stable between renders.
  const hash = useSyncExternalStore(subscribe, readHash)
  return useMemo(() => parseHash(hash), [hash])
}

export function navigate(route: Route, { replace = false } = {}) {
  const hash = formatHash(route)
  if (hash === window.location.hash) return
  if (replace) {
    window.history.replaceState(window.history.state, '', hash)
    window.dispatchEvent(new HashChangeEvent('hashchange'))
  } else {
    window.location.hash = hash
  }
}

/** Back within the app when it came from there, else to `fallback`. */
export function goBack(fallback: Route) {
  if (movedInApp && window.history.length > 1) window.history.back()
  else navigate(fallback)
}
