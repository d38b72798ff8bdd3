// `npm run package:linux`: builds the app and packs it as an AppImage and a .deb into dist/,
// using the Electron binary that npm installed (no second download of Electron). electron-builder
// still fetches its packaging tools (appimagetool, fpm) on first use, so that step needs the
// internet once; where the Electron binary is missing it stops here and says why.
import { spawnSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { findElectron } from './electron-binary.js'

const electron = findElectron()
if (!electron.path) {
  process.stderr.write(
    `Cannot package the desktop app here: ${electron.reason}.\n` +
      'Run `npm install` where the Electron binary can be downloaded, then `npm run package:linux`.\n' +
      'The packaging configuration can still be checked: npx vitest run src/main/packaging\n'
  )
  process.exit(1)
}
const run = (command, args) => {
  const result = spawnSync(command, args, { stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
}
run('npm', ['run', 'build'])
run('npx', [
  'electron-builder',
  '--linux',
  'AppImage',
  'deb',
  '--config',
  'electron-builder.yml',
  `-c.electronDist=${dirname(electron.path)}`,
  ...process.argv.slice(2)
])
process.stdout.write(`Packages are in ${join(process.cwd(), 'dist')}\n`)
