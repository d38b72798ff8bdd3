// `npm start`: build and launch the Electron app, or say plainly why it cannot and how to open
// the same app in a browser.
import { spawn } from 'node:child_process'
import { findElectron } from './electron-binary.js'

const electron = findElectron()
if (!electron.path) {
  process.stderr.write(
    `Flukeprint cannot start as a desktop app here: ${electron.reason}.\n\n` +
      'The same app runs in your browser instead:\n\n    npm run web\n\n' +
      'then open the address it prints. To get the desktop app, run `npm install` on a machine\n' +
      'that can download Electron (its install script fetches the binary from GitHub).\n'
  )
  process.exit(1)
}
const child = spawn('npx', ['electron-vite', 'preview', ...process.argv.slice(2)], {
  stdio: 'inherit'
})
child.on('exit', (code) => process.exit(code ?? 0))
