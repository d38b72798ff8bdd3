// Builds main, preload and renderer with electron-vite when the output is missing or older than
// the sources, so `npm run web` and the e2e tests always serve the current UI.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const output = join(root, 'out', 'renderer', 'index.html')

function newestMtime(path) {
  const info = statSync(path)
  if (!info.isDirectory()) return info.mtimeMs
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))))
}

function outputTime() {
  try {
    return statSync(output).mtimeMs
  } catch {
    return 0
  }
}

export function buildIfNeeded() {
  const sources = [
    'src/renderer',
    'src/shared',
    'src/preload',
    'src/main',
    'electron.vite.config.ts',
    'package.json'
  ]
  const newest = Math.max(...sources.map((p) => newestMtime(join(root, p))))
  if (outputTime() >= newest) return
  process.stderr.write('Building the app (electron-vite build)…\n')
  const result = spawnSync('npx', ['electron-vite', 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfNeeded()
