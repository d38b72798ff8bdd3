// The web host: the renderer and the contract over HTTP on 127.0.0.1, events over SSE. Every
// route needs the token (header, cookie set from the opening URL, or ?token=).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { stat } from 'node:fs/promises'
import type { AddressInfo } from 'node:net'
import type { AppCore } from '../core/app-core'
import type { Handlers } from '../api/handlers'
import { dispatch } from '../api/dispatch'
import { imageFileFor, isImageKind } from '../images/image-by-id'
import { UserError } from '../errors'
import {
  TOKEN_COOKIE,
  TOKEN_HEADER,
  cookieValue,
  hostAllowed,
  isLoopbackHost,
  originAllowed,
  tokensEqual
} from './guards'
import { sendFile, serveStatic } from './static-files'
import { openEventStream } from './event-stream'

export interface WebHostOptions {
  core: AppCore
  handlers: Handlers
  rendererDir: string
  token: string
  host: string
  port: number
}

export const MAX_BODY_BYTES = 1_000_000

export async function startWebHost(
  options: WebHostOptions
): Promise<{ server: Server; url: string }> {
  let port = options.port
  const server = createServer((req, res) => {
    handle(options, port, req, res).catch((error: unknown) => {
      console.error('[flukeprint] web host error:', error)
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error', code: 'internal' })
      else res.end()
    })
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, resolve)
  })
  port = (server.address() as AddressInfo).port
  const shownHost = options.host.includes(':') ? `[${options.host}]` : options.host
  return { server, url: `http://${shownHost}:${port}/?token=${options.token}` }
}

async function handle(
  options: WebHostOptions,
  port: number,
  req: IncomingMessage,
  res: ServerResponse
) {
  const url = new URL(req.url ?? '/', 'http://placeholder')
  const exposed = !isLoopbackHost(options.host)
  const extraHosts = options.host === '127.0.0.1' ? [] : [options.host]
  if (!hostAllowed(req.headers.host, port, extraHosts, exposed))
    return sendJson(res, 403, { error: 'host not allowed', code: 'invalid-argument' })
  if (!originAllowed(req.headers.origin, req.headers.host))
    return sendJson(res, 403, { error: 'origin not allowed', code: 'invalid-argument' })
  const queryToken = url.searchParams.get('token')
  const given =
    header(req, TOKEN_HEADER) ?? queryToken ?? cookieValue(req.headers.cookie, TOKEN_COOKIE)
  if (!tokensEqual(given, options.token)) {
    return sendJson(res, 401, {
      error: 'missing or wrong token: open the URL the web host printed',
      code: 'invalid-argument'
    })
  }
  if (queryToken) {
    // The page keeps working after the token leaves the address bar (images, reloads).
    res.setHeader(
      'Set-Cookie',
      `${TOKEN_COOKIE}=${encodeURIComponent(options.token)}; HttpOnly; SameSite=Strict; Path=/`
    )
  }
  const path = url.pathname
  if (path.startsWith('/api/')) return handleApi(options, req, res, path.slice('/api/'.length))
  if (path.startsWith('/img/') && req.method === 'GET') return handleImage(options.core, res, path)
  if (req.method !== 'GET')
    return sendJson(res, 405, { error: 'method not allowed', code: 'invalid-argument' })
  if (await serveStatic(options.rendererDir, path, res)) return
  return sendJson(res, 404, { error: 'not found', code: 'not-found' })
}

async function handleApi(
  options: WebHostOptions,
  req: IncomingMessage,
  res: ServerResponse,
  name: string
) {
  if (name === 'events' && req.method === 'GET') return openEventStream(options.core, req, res)
  if (req.method !== 'POST')
    return sendJson(res, 405, { error: 'use POST', code: 'invalid-argument' })
  let args: unknown
  try {
    args = await readJson(req)
  } catch (error) {
    return sendJson(res, error instanceof BodyTooLarge ? 413 : 400, {
      error: (error as Error).message,
      code: 'invalid-argument'
    })
  }
  const outcome = await dispatch(options.handlers, name, args)
  if (outcome.ok) sendJson(res, 200, outcome.result)
  else sendJson(res, outcome.status, outcome.body)
}

async function handleImage(core: AppCore, res: ServerResponse, path: string) {
  const [, , kind = '', encodedId = '', ...rest] = path.split('/')
  if (!isImageKind(kind) || rest.length > 0)
    return sendJson(res, 404, { error: 'unknown image kind', code: 'not-found' })
  let file: string
  try {
    // The id is only looked up among the catalogue's records, never joined to a path.
    file = await imageFileFor(core.catalog, kind, decodeURIComponent(encodedId))
  } catch (error) {
    const notFound =
      (error instanceof UserError && error.code === 'not-found') || error instanceof URIError
    return sendJson(res, notFound ? 404 : 422, {
      error: (error as Error).message,
      code: notFound ? 'not-found' : 'invalid-argument'
    })
  }
  const info = await stat(file)
  // A crop changes when its box is corrected, under the same URL: revalidate it every time.
  const caching = kind.startsWith('crop') ? 'no-cache' : 'private, max-age=3600'
  sendFile(res, file, 'image/jpeg', info.size, caching)
}

class BodyTooLarge extends Error {}

async function readJson(req: IncomingMessage): Promise<unknown> {
  if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
    // Let the client finish sending, so it can read the 413 instead of a reset connection.
    req.resume()
    throw new BodyTooLarge(`request body over ${MAX_BODY_BYTES} bytes`)
  }
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge(`request body over ${MAX_BODY_BYTES} bytes`)
    chunks.push(chunk as Buffer)
  }
  const text = Buffer.concat(chunks).toString('utf8')
  if (!text) return {}
  try {
    return JSON.parse(text)
  } catch {
    throw new Error('request body is not valid JSON')
  }
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name]
  return typeof value === 'string' ? value : null
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff'
  })
  res.end(text)
}
