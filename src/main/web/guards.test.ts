import { describe, expect, it } from 'vitest'
import { cookieValue, fileInside, hostAllowed, originAllowed, tokensEqual } from './guards'

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
  })

  it('accepts requests without Origin or from its own origin', () => {
    expect(originAllowed(undefined, '127.0.0.1:1')).toBe(true)
    expect(originAllowed('http://127.0.0.1:1', '127.0.0.1:1')).toBe(true)
    expect(originAllowed('http://evil.example', '127.0.0.1:1')).toBe(false)
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
})
