// Small pure checks the web host applies to every request. Kept apart so each is tested alone.
import { timingSafeEqual } from 'node:crypto'
import { isIP } from 'node:net'
import nodePath from 'node:path'

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
 * still sends its own Host header, which is refused here. When the user serves on a network
 * address (`--host`), a Host that is an IP address is accepted too: rebinding needs a name, and
 * a page addressed by IP has that IP as its own origin.
 */
export function hostAllowed(
  hostHeader: string | undefined,
  port: number,
  extraHosts: string[] = [],
  anyIpAddress = false
): boolean {
  if (!hostHeader) return false
  const given = hostHeader.toLowerCase()
  const allowed = ['127.0.0.1', 'localhost', '[::1]', ...extraHosts].map((h) => `${h}:${port}`)
  if (allowed.includes(given)) return true
  if (!anyIpAddress || !given.endsWith(`:${port}`)) return false
  const name = given.slice(0, -`:${port}`.length)
  return isIP(name.replace(/^\[(.*)\]$/, '$1')) !== 0
}

/** Hosts that only this computer can reach; anything else is serving to the network. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host)
}

/** The warning printed when the user asks to serve beyond this computer; null when local. */
export function exposureWarning(host: string): string | null {
  if (isLoopbackHost(host)) return null
  return `WARNING: serving on ${host}: other computers that can reach it and know the token can read and change this catalogue. Use it only on a network you trust; the connection is not encrypted.`
}

/** A token the user chose must still be hard to guess. */
export const MIN_TOKEN_LENGTH = 16

/** A request with an Origin must come from the app's own page. */
export function originAllowed(origin: string | undefined, hostHeader: string | undefined): boolean {
  if (origin === undefined) return true
  return origin === `http://${hostHeader ?? ''}`
}

/**
 * The file under `root` that a URL path names, or null when it would leave `root` or is odd
 * enough to mean something else on some system: NUL, backslashes (separators on Windows),
 * colons (drive letters, NTFS streams). Decoded once: a double-encoded `%252e` stays a name.
 */
export function fileInside(
  root: string,
  urlPath: string,
  paths: PathApi = nodePath
): string | null {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return null
  }
  if (/[\0\\:]/.test(decoded)) return null
  const full = paths.resolve(root, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`)
  const rel = paths.relative(root, full)
  if (rel.startsWith('..') || paths.isAbsolute(rel)) return null
  return full
}

type PathApi = Pick<typeof nodePath, 'resolve' | 'relative' | 'isAbsolute'>
