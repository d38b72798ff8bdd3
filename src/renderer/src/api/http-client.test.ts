import { describe, expect, it } from 'vitest'
import { ApiError, errorMessage } from './api-error'
import { createHttpApi } from './http-client'

interface Call {
  url: string
  init: RequestInit | undefined
}

function fakeFetch(status: number, body: string) {
  const calls: Call[] = []
  const fetch: typeof globalThis.fetch = (url, init) => {
    calls.push({ url: url instanceof Request ? url.url : url.toString(), init })
    return Promise.resolve(new Response(body, { status }))
  }
  return { calls, fetch }
}

class FakeEvents {
  url: string
  handlers = new Map<string, ((event: MessageEvent<string>) => void)[]>()
  constructor(url: string) {
    this.url = url
  }
  addEventListener(type: string, handler: (event: MessageEvent<string>) => void) {
    this.handlers.set(type, [...(this.handlers.get(type) ?? []), handler])
  }
  closed = false
  close() {
    this.closed = true
  }
  emit(type: string, data: string) {
    for (const handler of this.handlers.get(type) ?? []) handler({ data } as MessageEvent<string>)
  }
}

describe('createHttpApi', () => {
  it('POSTs the args as JSON with the token header', async () => {
    const { calls, fetch } = fakeFetch(200, '[]')
    const api = createHttpApi({ token: 'tok', fetch })
    const result = await api.request('photos.list', { filter: { unassigned: true } })
    expect(result).toEqual([])
    expect(calls[0]?.url).toBe('/api/photos.list')
    expect(calls[0]?.init?.method).toBe('POST')
    expect(calls[0]?.init?.headers).toMatchObject({
      'Content-Type': 'application/json',
      'X-Flukeprint-Token': 'tok'
    })
    expect(calls[0]?.init?.body).toBe('{"filter":{"unassigned":true}}')
  })

  it("throws the core's message and keeps its code", async () => {
    const body = JSON.stringify({ error: 'No such photo', code: 'not-found' })
    const api = createHttpApi({ token: 'tok', fetch: fakeFetch(404, body).fetch })
    const error: unknown = await api.request('photos.get', { id: 'x' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(errorMessage(error)).toBe('No such photo')
    expect((error as ApiError).code).toBe('not-found')
    expect((error as ApiError).status).toBe(404)
  })

  it('reports a non-JSON failure with its status', async () => {
    const api = createHttpApi({ token: 'tok', fetch: fakeFetch(502, '<html>').fetch })
    await expect(api.request('app.info', {})).rejects.toThrow(/502/)
  })

  it('refuses to send without a token', async () => {
    const api = createHttpApi({ token: '', fetch: fakeFetch(200, '{}').fetch })
    await expect(api.request('app.info', {})).rejects.toMatchObject({ code: 'no-token' })
  })

  it('shares one EventSource and routes events by name', () => {
    const sources: FakeEvents[] = []
    const api = createHttpApi({
      token: 't k',
      fetch: fakeFetch(200, '{}').fetch,
      openEvents: (url) => {
        const source = new FakeEvents(url)
        sources.push(source)
        return source
      }
    })
    const jobs: unknown[] = []
    const changes: unknown[] = []
    const off = api.on('job', (job) => jobs.push(job.id))
    api.on('catalog.changed', (change) => changes.push(change.reason))
    expect(sources).toHaveLength(1)
    expect(sources[0]?.url).toBe('/api/events?token=t%20k')
    sources[0]?.emit('job', '{"id":"j1"}')
    sources[0]?.emit('catalog.changed', '{"reason":"import"}')
    sources[0]?.emit('job', 'not json')
    off()
    sources[0]?.emit('job', '{"id":"j2"}')
    expect(jobs).toEqual(['j1'])
    expect(changes).toEqual(['import'])
  })

  it('addresses images by kind and encoded id', () => {
    const api = createHttpApi({ token: 'abc' })
    expect(api.imageUrl('thumb', 'a/b c')).toBe('/img/thumb/a%2Fb%20c?token=abc')
  })
})

describe('errorMessage', () => {
  it("strips Electron's IPC wrapper", () => {
    const wrapped = new Error(
      "Error invoking remote method 'flukeprint:request': Error: No catalogue"
    )
    expect(errorMessage(wrapped)).toBe('No catalogue')
  })
})
