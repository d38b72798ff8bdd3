import { describe, expect, it } from 'vitest'
import nodePath from 'node:path'
import {
  cookieValue,
  exposureWarning,
  fileInside,
  hostAllowed,
  isLoopbackHost,
  originAllowed,
  tokensEqual
} from './guards'

describe('web host guards', () => {
  it('compares tokens exactly', () => {
    expect(tokensEqual('abc', 'abc')).toBe(true)
    expect(tokensEqual('abd', 'abc')).toBe(false)
    expect(tokensEqual('ab', 'abc')).toBe(false)
    expect(tokensEqual(null, 'abc')).toBe(false)
  })

  it('reads the token cookie', () => {
    expect(cookieValue('a=1; flukeprint_token=x%2By; b=2', 'flukeprint_token')).toBe('x+y')
    expect(cookieValue(undefined, 'flukeprint_token')).toBeNull()
  })

  it('accepts only loopback Host headers on its own port (DNS rebinding)', () => {
    expect(hostAllowed('127.0.0.1:8080', 8080)).toBe(true)
    expect(hostAllowed('localhost:8080', 8080)).toBe(true)
    expect(hostAllowed('evil.example:8080', 8080)).toBe(false)
    expect(hostAllowed('127.0.0.1:9999', 8080)).toBe(false)
    expect(hostAllowed(undefined, 8080)).toBe(false)
    expect(hostAllowed('127.0.0.1.evil.example:8080', 8080)).toBe(false)
    expect(hostAllowed('localhost.evil.example:8080', 8080)).toBe(false)
    expect(hostAllowed('LOCALHOST:8080', 8080)).toBe(true)
    expect(hostAllowed('192.168.1.20:8080', 8080)).toBe(false)
  })

  it('served on the network by request, accepts IP addresses but never names', () => {
    expect(hostAllowed('192.168.1.20:8080', 8080, ['0.0.0.0'], true)).toBe(true)
    expect(hostAllowed('[fe80::1]:8080', 8080, ['::'], true)).toBe(true)
    expect(hostAllowed('evil.example:8080', 8080, ['0.0.0.0'], true)).toBe(false)
    expect(hostAllowed('192.168.1.20:9090', 8080, ['0.0.0.0'], true)).toBe(false)
    expect(hostAllowed('192.168.1.20.nip.io:8080', 8080, ['0.0.0.0'], true)).toBe(false)
  })

  it('warns only when serving beyond this computer', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', 'localhost', '::1']) {
      expect(isLoopbackHost(host)).toBe(true)
      expect(exposureWarning(host)).toBeNull()
    }
    for (const host of ['0.0.0.0', '::', '192.168.1.20', 'whales.lab']) {
      expect(exposureWarning(host)).toMatch(/^WARNING: serving on .*other computers/)
    }
  })

  it('accepts requests without Origin or from its own origin', () => {
    expect(originAllowed(undefined, '127.0.0.1:1')).toBe(true)
    expect(originAllowed('http://127.0.0.1:1', '127.0.0.1:1')).toBe(true)
    expect(originAllowed('http://evil.example', '127.0.0.1:1')).toBe(false)
    expect(originAllowed('null', '127.0.0.1:1')).toBe(false)
    expect(originAllowed('http://127.0.0.1:2', '127.0.0.1:1')).toBe(false)
    expect(originAllowed('https://127.0.0.1:1', '127.0.0.1:1')).toBe(false)
  })

  it('never resolves a URL path outside the served folder', () => {
    expect(fileInside('/srv/app', '/index.html')).toBe('/srv/app/index.html')
    expect(fileInside('/srv/app', '/assets/a.js')).toBe('/srv/app/assets/a.js')
    expect(fileInside('/srv/app', '/../etc/passwd')).toBeNull()
    expect(fileInside('/srv/app', '/%2e%2e/%2e%2e/etc/passwd')).toBeNull()
    expect(fileInside('/srv/app', '..%2f..%2fetc%2fpasswd')).toBeNull()
    expect(fileInside('/srv/app', '/a/../../srv/app/x')).toBeNull()
    expect(fileInside('/srv/app', '/a/../b')).toBe('/srv/app/b')
    expect(fileInside('/srv/app', '/%00')).toBeNull()
    expect(fileInside('/srv/app', '/%E0%A4%A')).toBeNull()
  })

  it('refuses encoded, backslashed and absolute escapes; decodes only once', () => {
    for (const path of [
      '/..%2F..%2Fetc%2Fpasswd',
      '/%2E%2E%2F%2E%2E%2Fetc/passwd',
      '/..\\..\\etc\\passwd',
      '/..%5c..%5cetc%5cpasswd',
      '/C:/Windows/win.ini',
      '/C%3A%5CWindows%5Cwin.ini',
      '/x%00.html'
    ]) {
      expect(fileInside('/srv/app', path), path).toBeNull()
    }
    // Double-encoded: after one decoding it is a file literally named "%2e%2e", inside root.
    expect(fileInside('/srv/app', '/%252e%252e/%252e%252e/etc/passwd')).toBe(
      '/srv/app/%2e%2e/%2e%2e/etc/passwd'
    )
    // An absolute path in the URL is read under root, never from the file system's root.
    expect(fileInside('/srv/app', '//etc/passwd')).toBe('/srv/app/etc/passwd')
    expect(fileInside('/srv/app', '/%2Fetc%2Fpasswd')).toBe('/srv/app/etc/passwd')
  })

  it('holds with Windows paths too', () => {
    const win = nodePath.win32
    const root = 'C:\\Flukeprint\\renderer'
    expect(fileInside(root, '/assets/a.js', win)).toBe('C:\\Flukeprint\\renderer\\assets\\a.js')
    for (const path of ['/../x', '/..%2Fx', '/..%5Cx', '/D:/x', '/..%5C..%5CWindows%5Cwin.ini']) {
      expect(fileInside(root, path, win), path).toBeNull()
    }
  })
})
