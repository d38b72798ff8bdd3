// The `app` fixture: a fresh data folder and the app's page, from the web host in Chromium or
// from Electron, depending on the Playwright project.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, chromium, _electron, type Page } from '@playwright/test'
import { findElectron } from '../scripts/electron-binary.js'

const root = join(import.meta.dirname, '..')
const cli = join(root, 'bin', 'flukeprint.js')

export interface AppHandle {
  page: Page
  /** A fresh folder for this test's catalogues and photos; deleted afterwards. */
  dataDir: string
  kind: 'web' | 'electron'
}

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run'
]

function startWebHost(dataDir: string): Promise<{ url: string; host: ChildProcess }> {
  const host = spawn(process.execPath, [cli, 'web', '--port', '0'], {
    env: { ...process.env, HOME: dataDir },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  return new Promise((resolve, reject) => {
    let out = ''
    host.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      const match = /(http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(out)
      if (match?.[1]) resolve({ url: match[1], host })
    })
    host.on('exit', (code) => reject(new Error(`web host exited with ${code}: ${out}`)))
  })
}

export const test = base.extend<{ app: AppHandle }>({
  // Playwright reads the fixtures a test needs from this destructuring, even an empty one.
  // eslint-disable-next-line no-empty-pattern
  app: async ({}, use, testInfo) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'flukeprint-e2e-'))
    if (testInfo.project.name === 'electron') {
      const electron = findElectron()
      test.skip(!electron.path, `Electron is not installed here: ${electron.reason}`)
      const app = await _electron.launch({
        executablePath: electron.path ?? undefined,
        args: [join(root, 'out', 'main', 'index.js')],
        env: { ...process.env, HOME: dataDir }
      })
      await use({ page: await app.firstWindow(), dataDir, kind: 'electron' })
      await app.close()
    } else {
      const { url, host } = await startWebHost(dataDir)
      const browser = await chromium.launch({
        executablePath: '/usr/bin/chromium',
        args: CHROMIUM_ARGS
      })
      const page = await browser.newPage({ viewport: { width: 1360, height: 860 } })
      await page.goto(url)
      await use({ page, dataDir, kind: 'web' })
      await browser.close()
      host.kill('SIGTERM')
    }
    await rm(dataDir, { recursive: true, force: true })
  }
})

export { expect } from '@playwright/test'

/** Runs the CLI (e.g. to draw demo photos) and returns its stdout. */
export function runCli(args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (c: Buffer) => (out += c.toString()))
    child.stderr.on('data', (c: Buffer) => (err += c.toString()))
    child.on('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`flukeprint ${args.join(' ')}: ${err}`))
    )
  })
}
