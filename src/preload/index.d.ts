import type { AppApi } from '../shared/contract'

declare global {
  interface Window {
    /** Present in Electron (set by the preload); absent in a browser, which uses the web host. */
    api?: AppApi
  }
}
