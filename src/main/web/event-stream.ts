// Server-sent events: every core event goes to every open page, as `event: <name>`.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { AppCore } from '../core/app-core'

const KEEPALIVE_MS = 20_000

export function openEventStream(core: AppCore, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
    'X-Content-Type-Options': 'nosniff'
  })
  res.write(': connected\n\n')
  const unsubscribe = core.onEvent((name, payload) => {
    res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`)
  })
  const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS)
  req.on('close', () => {
    clearInterval(keepalive)
    unsubscribe()
  })
}
