import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTENT_SECURITY_POLICY } from '../web/static-files'
import {
  denyAllPermissions,
  guardContents,
  isTrustedSender,
  parseImageUrl,
  secureWebPreferences,
  type GuardedContents
} from './policy'
import { isTrustedPageUrl } from './trusted-url'

const INDEX = '/opt/Flukeprint/resources/app/out/renderer/index.html'
const trusted = (url: string) => isTrustedPageUrl(url, INDEX)

/** A WebContents stand-in that records what the guards registered. */
function fakeContents() {
  type Listener = (event: { preventDefault(): void }, url: string) => void
  const listeners = new Map<string, Listener>()
  let openHandler: ((details: { url: string }) => { action: string }) | null = null
  const contents: GuardedContents = {
    on: (event: string, listener: Listener) => {
      listeners.set(event, listener)
      return contents
    },
    setWindowOpenHandler: (handler) => {
      openHandler = handler
    }
  }
  const fire = (event: string, url?: string) => {
    let prevented = false
    listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url ?? '')
    return prevented
  }
  return { contents, fire, open: (url: string) => openHandler?.({ url }).action }
}

describe('Electron security policy', () => {
  it('makes every window isolated, sandboxed and without Node', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toEqual({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false
    })
  })

  it('refuses navigation and redirects away from the app, webviews and every new window', () => {
    const { contents, fire, open } = fakeContents()
    guardContents(contents, trusted)
    expect(fire('will-navigate', `file://${INDEX}#/review`)).toBe(false)
    expect(fire('will-navigate', 'https://example.org/')).toBe(true)
    expect(fire('will-navigate', 'file:///etc/passwd')).toBe(true)
    expect(fire('will-redirect', 'http://127.0.0.1:8080/')).toBe(true)
    expect(fire('will-attach-webview')).toBe(true)
    for (const url of ['https://example.org/', `file://${INDEX}`, 'javascript:alert(1)']) {
      expect(open(url)).toBe('deny')
    }
  })

  it('denies every permission request, check and device', () => {
    const granted: boolean[] = []
    let check: (() => boolean) | null = null
    let device: (() => boolean) | null = null
    denyAllPermissions({
      setPermissionRequestHandler: (handler) => {
        for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read']) {
          handler(null, permission, (ok) => granted.push(ok))
        }
      },
      setPermissionCheckHandler: (handler) => (check = handler),
      setDevicePermissionHandler: (handler) => (device = handler)
    })
    expect(granted).toEqual([false, false, false, false])
    expect(check!()).toBe(false)
    expect(device!()).toBe(false)
  })

  it("accepts IPC only from the app's own page in a top frame", () => {
    expect(isTrustedSender({ url: `file://${INDEX}`, parent: null }, trusted)).toBe(true)
    expect(isTrustedSender({ url: `file://${INDEX}`, parent: {} }, trusted)).toBe(false)
    expect(isTrustedSender({ url: 'https://example.org/', parent: null }, trusted)).toBe(false)
    expect(isTrustedSender({ url: 'file:///tmp/other.html', parent: null }, trusted)).toBe(false)
    expect(isTrustedSender(null, trusted)).toBe(false)
    expect(isTrustedSender(undefined, trusted)).toBe(false)
  })

  it('reads fp-img:// addresses as a kind and one id, nothing else', () => {
    expect(parseImageUrl('fp-img://thumb/abc-123')).toEqual({ kind: 'thumb', id: 'abc-123' })
    expect(parseImageUrl('fp-img://crop/a%20b')).toEqual({ kind: 'crop', id: 'a b' })
    expect(parseImageUrl('fp-img://thumb/%2E%2E%2Fcatalog.json')).toEqual({
      kind: 'thumb',
      id: '../catalog.json'
    })
    for (const url of [
      'fp-img://thumb/../../etc/passwd',
      'fp-img://thumb/a/b',
      'fp-img://thumb/',
      'fp-img://thumb/%E0%A4%A',
      'fp-img://thumb/x?path=/etc/passwd',
      'not a url'
    ]) {
      expect(parseImageUrl(url)).toBeNull()
    }
  })
})

/** directive -> sources */
function parseCsp(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name = '', ...sources]) => [name, sources])
  )
}

function strictnessProblems(policy: string): string[] {
  const csp = parseCsp(policy)
  const problems: string[] = []
  if (csp.get('default-src')?.join(' ') !== "'self'") problems.push("default-src is not 'self'")
  if (csp.get('script-src')?.join(' ') !== "'self'") problems.push("script-src is not 'self'")
  for (const name of ['object-src', 'frame-src', 'base-uri', 'form-action']) {
    if (csp.get(name)?.join(' ') !== "'none'") problems.push(`${name} is not 'none'`)
  }
  for (const [name, sources] of csp) {
    for (const source of sources) {
      if (/^(\*|https?:|wss?:|'unsafe-eval'|'wasm-unsafe-eval')$|\./.test(source)) {
        problems.push(`${name} allows ${source}`)
      }
    }
  }
  return problems
}

describe('content security policy', () => {
  const html = readFileSync(join(import.meta.dirname, '../../renderer/index.html'), 'utf8')
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? ''

  it('the page carries a strict policy: own scripts only, no remote hosts, no eval', () => {
    expect(meta).not.toBe('')
    expect(strictnessProblems(meta)).toEqual([])
    expect(parseCsp(meta).get('img-src')).toEqual(["'self'", 'fp-img:', 'data:', 'blob:'])
  })

  it('the web host sends the same policy (without fp-img:, which only Electron has)', () => {
    expect(strictnessProblems(CONTENT_SECURITY_POLICY)).toEqual([])
    const header = parseCsp(CONTENT_SECURITY_POLICY)
    for (const [name, sources] of parseCsp(meta)) {
      expect(header.get(name), name).toEqual(sources.filter((s) => s !== 'fp-img:'))
    }
  })

  it('would catch a loosened policy', () => {
    expect(
      strictnessProblems(meta.replace("script-src 'self'", "script-src 'self' 'unsafe-eval'"))
    ).not.toEqual([])
    expect(strictnessProblems(`${meta}; connect-src https://tiles.example.org`)).not.toEqual([])
  })
})
