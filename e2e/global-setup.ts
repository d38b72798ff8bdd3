import { buildIfNeeded } from '../scripts/build-if-needed.js'
import { findElectron } from '../scripts/electron-binary.js'

export default function globalSetup(): void {
  buildIfNeeded()
  const electron = findElectron()
  if (!electron.path) console.log(`[e2e] The Electron project is skipped: ${electron.reason}.`)
}
