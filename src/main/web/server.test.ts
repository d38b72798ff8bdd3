import { mkdir, writeFile } from 'node:fs/promises'
import { request as httpRequest } from 'node:http'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir, writePhoto } from '../../../tests/fixtures/images'
import { startWebServices } from './start'

const TOKEN = 'test-token-0123456789'

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

/** Raw HTTP, so tests can send the Host and Origin headers an attacker would. */
function send(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {}
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString()
          })
        )
      }
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** A body sent without Content-Length, so only the byte count read can stop it. */
function chunkedPost(url: string, token: string, bytes: number): Promise<{ status: number }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        headers: { 'x-flukeprint-token': token, 'transfer-encoding': 'chunked' }
      },
      (res) => {
        res.resume()
        resolve({ status: res.statusCode ?? 0 })
      }
    )
    req.on('error', (error) => reject(error))
    const chunk = 'x'.repeat(64 * 1024)
    for (let sent = 0; sent < bytes; sent += chunk.length) req.write(chunk.slice(0, bytes - sent))
    req.end()
  })
}

describe('web host', () => {
  let base: string
  let stop: () => Promise<void>
  let photoDir: string
  const port = () => new URL(base).port

  beforeAll(async () => {
    const renderer = await tempDir()
    await writeFile(join(renderer, 'index.html'), '<!doctype html><title>Flukeprint</title>')
    await mkdir(join(renderer, 'assets'))
    await writeFile(join(renderer, 'assets', 'app.js'), 'console.log(1)')
    photoDir = await tempDir()
    await writePhoto(join(photoDir, 'one.jpg'), { seed: 5 })
    await mkdir(join(photoDir, 'sub'))
    const services = await startWebServices({
      catalogPath: await tempDir(),
      port: 0,
      host: '127.0.0.1',
      token: TOKEN,
      rendererDir: renderer
    })
    base = new URL(services.url).origin
    stop = services.stop
  })
  afterAll(async () => stop())

  const api = (name: string, args: unknown, headers: Record<string, string> = {}) =>
    send(`${base}/api/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-flukeprint-token': TOKEN, ...headers },
      body: JSON.stringify(args)
    })

  it('answers 401 to every route without the token', async () => {
    for (const path of [
      '/',
      '/index.html',
      '/assets/app.js',
      '/api/app.info',
      '/api/events',
      '/img/thumb/x',
      '/../../etc/passwd'
    ]) {
      expect((await send(`${base}${path}`)).status, path).toBe(401)
    }
    const post = await send(`${base}/api/app.info`, { method: 'POST', body: '{}' })
    expect(post.status).toBe(401)
    expect(
      (await send(`${base}/api/app.info`, { headers: { cookie: 'flukeprint_token=x' } })).status
    ).toBe(401)
    expect((await send(`${base}/?token=wrong`)).status).toBe(401)
  })

  it('serves the page with the token and sets a cookie that works afterwards', async () => {
    const first = await send(`${base}/?token=${TOKEN}`)
    expect(first.status).toBe(200)
    expect(first.body).toContain('Flukeprint')
    expect(first.headers['content-security-policy']).toContain("default-src 'self'")
    const cookie = String(first.headers['set-cookie']).split(';')[0] ?? ''
    expect((await send(`${base}/index.html`, { headers: { cookie } })).status).toBe(200)
    const script = await send(`${base}/assets/app.js`, { headers: { cookie } })
    expect(script.status).toBe(200)
    expect(script.headers['content-type']).toContain('text/javascript')
    expect(String(first.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/)
  })

  it('refuses a user-chosen token that is easy to guess', async () => {
    await expect(
      startWebServices({ catalogPath: null, port: 0, host: '127.0.0.1', token: 'short' })
    ).rejects.toThrow(/at least 16 characters/)
  })

  it('refuses other Host headers and foreign origins', async () => {
    const rebinding = await send(`${base}/api/app.info`, {
      method: 'POST',
      headers: { host: 'evil.example', 'x-flukeprint-token': TOKEN }
    })
    expect(rebinding.status).toBe(403)
    expect((await api('app.info', {}, { origin: 'http://evil.example' })).status).toBe(403)
    expect((await api('app.info', {}, { origin: 'null' })).status).toBe(403)
    const sameHostOtherPort = await api('app.info', {}, { origin: 'http://127.0.0.1:1' })
    expect(sameHostOtherPort.status).toBe(403)
    for (const host of ['localhost.evil.example', '127.0.0.1', `127.0.0.1.nip.io:${port()}`]) {
      expect((await api('app.info', {}, { host })).status, host).toBe(403)
    }
    expect(
      (await send(`${base}/?token=${TOKEN}`, { headers: { host: 'evil.example' } })).status
    ).toBe(403)
  })

  it('never serves a file outside the renderer folder', async () => {
    for (const path of [
      '/../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/%252e%252e/%252e%252e/etc/passwd',
      '/..\\..\\etc\\passwd',
      '/..%5c..%5cetc%5cpasswd',
      '//etc/passwd',
      '/%2Fetc%2Fpasswd',
      '/C:/Windows/win.ini',
      '/index.html%00.js',
      '/%E0%A4%A'
    ]) {
      const reply = await send(`${base}${path}?token=${TOKEN}`)
      expect(reply.status, path).toBe(404)
      expect(reply.body).not.toContain('root:')
    }
  })

  it('runs the contract over HTTP with validation and size limits', async () => {
    const info = await api('app.info', {})
    expect(info.status).toBe(200)
    expect(JSON.parse(info.body)).toMatchObject({ host: 'web', nativeDialogs: false })
    expect((await api('photos.get', { id: 1 })).status).toBe(400)
    expect((await api('no.such', {})).status).toBe(400)
    const big = await api('app.info', { pad: 'x'.repeat(1_100_000) })
    expect(big.status).toBe(413)
    expect((await chunkedPost(`${base}/api/app.info`, TOKEN, 1_100_000)).status).toBe(413)
    expect((await chunkedPost(`${base}/api/app.info`, TOKEN, 10)).status).toBe(400)
    expect((await send(`${base}/api/app.info?token=${TOKEN}`)).status).toBe(405)
  })

  it('imports through a job, streams its events, and serves thumbnails by id only', async () => {
    const events: string[] = []
    const controller = new AbortController()
    const stream = fetch(`${base}/api/events?token=${TOKEN}`, { signal: controller.signal })
      .then(async (res) => {
        const reader = res.body!.getReader()
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          events.push(Buffer.from(value).toString())
        }
      })
      .catch(() => undefined)
    await new Promise((r) => setTimeout(r, 100))
    const started = await api('import.folder', { folder: photoDir })
    expect(started.status).toBe(200)
    const { jobId } = JSON.parse(started.body) as { jobId: string }
    for (let i = 0; i < 100; i++) {
      const jobs = JSON.parse((await api('jobs.list', {})).body) as { id: string; state: string }[]
      if (jobs.find((j) => j.id === jobId)?.state === 'done') break
      await new Promise((r) => setTimeout(r, 100))
    }
    const photos = JSON.parse((await api('photos.list', { filter: {} })).body) as { id: string }[]
    expect(photos).toHaveLength(1)
    const thumb = await send(`${base}/img/thumb/${photos[0]?.id}?token=${TOKEN}`)
    expect(thumb.status).toBe(200)
    expect(thumb.headers['content-type']).toBe('image/jpeg')
    const photo = JSON.parse((await api('photos.get', { id: photos[0]?.id ?? '' })).body) as {
      photo: { originalPath: string }
    }
    for (const id of [
      '..%2F..%2Fcatalog.json',
      '%2e%2e%2f%2e%2e%2fcatalog.json',
      '%252e%252e%252fcatalog.json',
      '..%5C..%5Ccatalog.json',
      '..\\..\\catalog.json',
      encodeURIComponent(photo.photo.originalPath),
      '%2Fetc%2Fpasswd',
      `${photos[0]?.id}/..`,
      `x/../../${photos[0]?.id}`,
      '%E0%A4%A'
    ]) {
      const reply = await send(`${base}/img/thumb/${id}?token=${TOKEN}`)
      expect(reply.status, id).toBe(404)
    }
    expect((await send(`${base}/img/original/${photos[0]?.id}?token=${TOKEN}`)).status).toBe(404)
    controller.abort()
    await stream
    const text = events.join('')
    expect(text).toContain('event: job')
    expect(text).toContain(`"id":"${jobId}"`)
    expect(text).toContain('event: catalog.changed')
  })
})
