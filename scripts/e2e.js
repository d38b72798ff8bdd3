// `npm run test:e2e`: Playwright against the web host in Debian's Chromium, and against
// Electron where its binary exists.
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'

if (!existsSync('/usr/bin/chromium')) {
  process.stderr.write(
    "The end-to-end tests need Debian's Chromium: apt-get install -y chromium (see .ci/run).\n"
  )
  process.exit(1)
}
const child = spawn('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit' })
child.on('exit', (code) => process.exit(code ?? 1))
