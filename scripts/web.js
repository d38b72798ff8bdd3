// `npm run web [-- --catalog DIR --port N]`: build if needed, then serve the app on 127.0.0.1.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { buildIfNeeded } from './build-if-needed.js'

buildIfNeeded()
const cli = join(import.meta.dirname, '..', 'bin', 'flukeprint.js')
const child = spawn(process.execPath, [cli, 'web', ...process.argv.slice(2)], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code) => process.exit(code ?? 0))
