import type {
  AppApi,
  Args,
  EventName,
  Events,
  ImageKind,
  RequestName,
  Result
} from '@shared/contract'
import { ApiError, isApiErrorBody } from './api-error'

export const TOKEN_HEADER = 'X-Flukeprint-Token'

const NO_TOKEN =
  'This page was opened without its access token. Open Flukeprint from the address the web host printed when it started.'

type Listener = (payload: never) => void

interface EventSourceLike {
  addEventListener(type: string, listener: (event: MessageEvent<string>) => void): void
  close(): void
}

export interface HttpApiOptions {
  token: string
  /** Origin of the web host; the page's own origin when empty. */
  base?: string
  fetch?: typeof fetch
  openEvents?: (url: string) => EventSourceLike
}

/** The AppApi over the web host's HTTP protocol: POST /api/<name>, SSE on /api/events. */
export function createHttpApi(options: HttpApiOptions): AppApi {
  const { token, base = '' } = options
  const doFetch = options.fetch ?? ((input, init) => fetch(input, init))
  const openEvents = options.openEvents ?? ((url) => new EventSource(url))
  const query = `token=${encodeURIComponent(token)}`

  async function request<K extends RequestName>(name: K, args: Args<K>): Promise<Result<K>> {
    if (!token) throw new ApiError(NO_TOKEN, 'no-token')
    let response: Response
    try {
      response = await doFetch(`${base}/api/${name}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token },
        body: JSON.stringify(args)
      })
    } catch {
      throw new ApiError('Cannot reach the Flukeprint host. Is it still running?', 'network')
    }
    const text = await response.text()
    const body = parseJson(text)
    if (!response.ok) {
      if (isApiErrorBody(body)) throw new ApiError(body.error, body.code, response.status)
      const reason = response.statusText || 'request failed'
      throw new ApiError(`${name}: ${response.status} ${reason}`, 'internal', response.status)
    }
    return (text === '' ? null : body) as Result<K>
  }

  // One EventSource for every listener: browsers cap connections per host, and one stream keeps
  // the events in the order the core sent them.
  let source: EventSourceLike | null = null
  const listeners = new Map<EventName, Set<Listener>>()

  function on<E extends EventName>(event: E, listener: (payload: Events[E]) => void) {
    source ??= openEvents(`${base}/api/events?${query}`)
    let set = listeners.get(event)
    if (!set) {
      const created = new Set<Listener>()
      listeners.set(event, created)
      set = created
      source.addEventListener(event, (message) => {
        const payload = parseJson(message.data)
        if (payload === undefined) return
        for (const each of [...created]) (each as (p: unknown) => void)(payload)
      })
    }
    set.add(listener)
    return () => {
      set.delete(listener)
    }
  }

  function imageUrl(kind: ImageKind, id: string) {
    return `${base}/img/${kind}/${encodeURIComponent(id)}?${query}`
  }

  return { request, on, imageUrl }
}

function parseJson(text: string): unknown {
  if (text === '') return undefined
  try {
    return JSON.parse(text) as unknown
  } catch {
    return undefined
  }
}
