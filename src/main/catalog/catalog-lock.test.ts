import { spawn } from 'node:child_process'
import { mkdir, readFile, readdir, symlink, utimes, writeFile } from 'node:fs/promises'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir, writePhoto } from '../../../tests/fixtures/images'
import { CATALOG_FILE, Catalog } from './catalog'
import { LOCK_DIR, LOCK_OWNER } from './catalog-lock'

const root = join(import.meta.dirname, '../../..')
const holderScript = join(root, 'tests/fixtures/hold-catalog.ts')
const cli = join(root, 'bin/flukeprint.js')

/** Starts another process holding `dir` open for writing; resolves once it has the lock. */
async function holder(dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', holderScript, dir, 'the test holder'], {
    stdio: ['pipe', 'pipe', 'inherit'],
    cwd: root
  })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve))
  while (!/ready|refused/.test(out)) {
    if (child.exitCode !== null) break
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return { child, exited, output: () => out }
}

async function snapshot(dir: string) {
  return {
    file: await readFile(join(dir, CATALOG_FILE), 'utf8'),
    backups: (await readdir(join(dir, 'backups'))).sort()
  }
}

describe('one writer per catalogue', () => {
  it(
    'refuses a second process, naming the holder, and writes nothing',
    { timeout: 60_000 },
    async () => {
      const dir = join(await tempDir(), 'catalogue')
      const first = await holder(dir)
      expect(first.output()).toMatch(/ready/)
      const before = await snapshot(dir)

      const error = await Catalog.open(dir, { create: false }).catch((e: Error) => e)
      expect(error).toBeInstanceOf(Error)
      const message = (error as Error).message
      expect(message).toContain('already open for writing in the test holder')
      expect(message).toContain(`process ${first.child.pid}`)
      expect(message).toContain(hostname())
      expect(message).toMatch(/nothing was changed/)

      // The CLI is refused the same way, before it imports anything.
      const photos = await tempDir()
      await writePhoto(join(photos, 'a.jpg'), { seed: 1 })
      const cliRun = spawn(process.execPath, [cli, 'import', '--catalog', dir, '--folder', photos])
      let stderr = ''
      cliRun.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
      const code = await new Promise((resolve) => cliRun.on('exit', resolve))
      expect(code).toBe(1)
      expect(stderr).toContain('already open for writing in the test holder')
      expect(await snapshot(dir)).toEqual(before)

      // Reading is still allowed: the file is only ever replaced whole.
      const reader = await Catalog.open(dir, { create: false, readOnly: true })
      expect(reader.data.photos).toEqual([])
      await expect(reader.update(() => undefined)).rejects.toThrow(/read-only/)
      // So is an export, which only reads: a CSV of the open catalogue, the catalogue untouched.
      const csv = join(await tempDir(), 'catalogue.csv')
      const exported = spawn(process.execPath, [
        cli,
        'export',
        '--catalog',
        dir,
        '--format',
        'csv',
        '--out',
        csv
      ])
      expect(await new Promise((resolve) => exported.on('exit', resolve))).toBe(0)
      expect(await readFile(csv, 'utf8')).toMatch(/^\uFEFF?file,/)
      expect(await snapshot(dir)).toEqual(before)

      // Once the holder closes the catalogue, it opens here.
      first.child.stdin.end()
      expect(await first.exited).toBe(0)
      const mine = await Catalog.open(dir, { create: false })
      await mine.close()
    }
  )

  it('takes over at once from a holder that was killed', { timeout: 60_000 }, async () => {
    const dir = join(await tempDir(), 'catalogue')
    const first = await holder(dir)
    first.child.kill('SIGKILL')
    await first.exited
    const started = Date.now()
    const catalog = await Catalog.open(dir, { create: false })
    expect(Date.now() - started).toBeLessThan(2000)
    // And the killed process's lock is ours now: another process is refused.
    const second = await holder(dir)
    expect(await second.exited).toBe(3)
    expect(second.output()).toContain(`process ${process.pid}`)
    await catalog.close()
  })

  it('treats a lock from another computer as held until it goes stale', async () => {
    const dir = await tempDir()
    await (await Catalog.open(dir, { create: true })).close()
    await mkdir(join(dir, LOCK_DIR))
    const owner = {
      pid: 4242,
      host: 'field-laptop',
      since: '2026-07-01T08:00:00.000Z',
      app: 'the Flukeprint app'
    }
    await writeFile(join(dir, LOCK_OWNER), JSON.stringify(owner))
    await expect(Catalog.open(dir, { create: false })).rejects.toThrow(
      /the Flukeprint app \(process 4242 on field-laptop, since 2026-07-01 08:00:00 UTC\)/
    )
    // Not refreshed for a minute: its holder stopped (a crash, a power cut, a pulled drive).
    const old = new Date(Date.now() - 60_000)
    await utimes(join(dir, LOCK_DIR), old, old)
    const catalog = await Catalog.open(dir, { create: false })
    await catalog.close()
  })

  it('shares the lock between catalogues opened in one process', async () => {
    const dir = await tempDir()
    const a = await Catalog.open(dir, { create: true })
    // The same folder through a link is the same catalogue, not a second writer.
    await symlink(dir, `${dir}-link`)
    const b = await Catalog.open(`${dir}-link`, { create: false })
    await a.close()
    // b still holds the process's lock: another process is refused.
    const other = await holder(dir)
    expect(await other.exited).toBe(3)
    await b.close()
    const again = await holder(dir)
    expect(again.output()).toMatch(/ready/)
    again.child.stdin.end()
    expect(await again.exited).toBe(0)
  })
})

describe('a lock taken away from its holder', () => {
  it('stops the holder writing, with a message', { timeout: 20_000 }, async () => {
    const { rmdir } = await import('node:fs/promises')
    const dir = await tempDir()
    const catalog = await Catalog.open(dir, { create: true })
    const before = await readFile(join(dir, CATALOG_FILE), 'utf8')
    // Someone removed the lock (a sync tool, a person): the next refresh, within 2.5 s, sees it.
    await rmdir(join(dir, LOCK_DIR))
    await new Promise((resolve) => setTimeout(resolve, 3500))
    await expect(
      catalog.update((data) =>
        data.individuals.push({
          id: 'i1',
          name: 'Salt',
          notes: '',
          createdAt: 'now',
          mergedIntoId: null
        })
      )
    ).rejects.toThrow(/lost its lock on .* so it writes nothing more/)
    expect(await readFile(join(dir, CATALOG_FILE), 'utf8')).toBe(before)
    await catalog.close()
  })
})
