// Where the Electron binary is, or why it is not there. npm drops the optional `electron`
// package when its install script cannot download the binary (no internet, a proxy, CI).
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

export function findElectron() {
  const require = createRequire(import.meta.url)
  let packageDir
  try {
    packageDir = dirname(require.resolve('electron/package.json'))
  } catch {
    return {
      path: null,
      reason:
        'the optional "electron" package is not installed (npm could not download the Electron binary)'
    }
  }
  const pathFile = join(packageDir, 'path.txt')
  const binary = existsSync(pathFile)
    ? join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim())
    : null
  if (!binary || !existsSync(binary))
    return {
      path: null,
      reason: 'the "electron" package is installed but its binary was not downloaded'
    }
  return { path: binary, reason: null }
}
