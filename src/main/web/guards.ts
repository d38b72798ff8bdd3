// Small pure checks the web host applies to every request. Kept apart so each is tested alone.
import { timingSafeEqual } from 'node:crypto'
import { isAbsolute, relative, resolve } from 'node:path'

export const TOKEN_HEADER = 'x-flukeprint-token'
export const TOKEN_COOKIE = 'flukeprint_token'

export function tokensEqual(given: string | undefined | null, expected: string): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}

export function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return null
}

/**
 * DNS rebinding defence: a page from another site that resolves its own name to 127.0.0.1
 * still sends its own Host header, which is refused here.
 */
export function hostAllowed(
  hostHeader: string | undefined,
  port: number,
  extraHosts: string[] = []
): boolean {
  if (!hostHeader) return false
  const allowed = ['127.0.0.1', 'localhost', '[::1]', ...extraHosts].map((h) => `${h}:${port}`)
  return allowed.includes(hostHeader.toLowerCase())
}

/** A request with an Origin must come from the app's own page. */
export function originAllowed(origin: string | undefined, hostHeader: string | undefined): boolean {
  if (origin === undefined) return true
  return origin === `http://${hostHeader ?? ''}`
}

/** The file under `root` that a URL path names, or null when it would leave `root`. */
export function fileInside(root: string, urlPath: string): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (decoded.includes('\0')) return null
  const full = resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`)
  const rel = relative(root, full)
  if (rel.startsWith('..') || isAbsolute(rel)) return null
  return full
}
