// Serves the built renderer. Paths are checked against the renderer folder before any read.
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import type { ServerResponse } from 'node:http'
import { extname, join } from 'node:path'
import { fileInside } from './guards'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.json': 'application/json'
}

/** The page's policy: only this origin's scripts, styles, images and API. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'"

export async function serveStatic(
  rendererDir: string,
  urlPath: string,
  res: ServerResponse
): Promise<boolean> {
  const wanted = urlPath === '/' ? '/index.html' : urlPath
  const file = fileInside(rendererDir, wanted)
  if (!file) return false
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return false
  sendFile(res, file, TYPES[extname(file)] ?? 'application/octet-stream', info.size)
  return true
}

export function sendFile(
  res: ServerResponse,
  file: string,
  type: string,
  size: number,
  cache = 'no-cache'
): void {
  res.writeHead(200, {
    'Content-Type': type,
    'Content-Length': size,
    'Cache-Control': cache,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff'
  })
  createReadStream(file).pipe(res)
}

export function rendererIndex(rendererDir: string): string {
  return join(rendererDir, 'index.html')
}
