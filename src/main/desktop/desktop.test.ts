import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { aboutText } from './about'
import { actionsOf, menuTemplate, type MenuItemSpec } from './app-menu'
import { MAX_RECENT, RecentCatalogues } from './recent-catalogues'
import { clampToDisplays, loadWindowState, saveWindowState } from './window-state'

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fp-desktop-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('recent catalogues', () => {
  it('keeps the newest first, without duplicates, at most ten', async () => {
    const recent = new RecentCatalogues(join(dir, 'sub', 'recent.json'))
    expect(await recent.list()).toEqual([])
    for (let i = 0; i < 12; i++)
      await recent.add(`/data/cat${i}`, new Date(Date.UTC(2024, 0, i + 1)))
    await recent.add('/data/cat5/', new Date(Date.UTC(2024, 1, 1)))
    const list = await recent.list()
    expect(list).toHaveLength(MAX_RECENT)
    expect(list.map((c) => c.name).slice(0, 3)).toEqual(['cat5', 'cat11', 'cat10'])
    expect(list.filter((c) => c.path === '/data/cat5')).toHaveLength(1)
    await recent.remove('/data/cat11')
    expect((await recent.list()).map((c) => c.name).slice(0, 2)).toEqual(['cat5', 'cat10'])
  })

  it('treats a damaged file as an empty list and replaces it on the next open', async () => {
    const file = join(dir, 'recent.json')
    await writeFile(file, '{"catalogues": [{"path": 3}]')
    const recent = new RecentCatalogues(file)
    expect(await recent.list()).toEqual([])
    await recent.add('/data/a')
    expect(JSON.parse(await readFile(file, 'utf8'))).toMatchObject({
      catalogues: [{ path: '/data/a', name: 'a' }]
    })
  })
})

describe('window state', () => {
  const laptop = { x: 0, y: 0, width: 1440, height: 860 }
  const monitor = { x: 1440, y: 0, width: 2560, height: 1400 }

  it('leaves a window that shows on a display where it was', () => {
    const onMonitor = { x: 1600, y: 100, width: 1360, height: 880 }
    expect(clampToDisplays(onMonitor, [laptop, monitor])).toEqual(onMonitor)
    // Mostly off to the right of the laptop but 200 px still on it: left alone.
    const edge = { x: 1240, y: 50, width: 1000, height: 700 }
    expect(clampToDisplays(edge, [laptop])).toEqual(edge)
  })

  it('brings a window from a monitor that has gone back onto the primary display', () => {
    const onMonitor = { x: 2000, y: 100, width: 2400, height: 1300 }
    expect(clampToDisplays(onMonitor, [laptop])).toEqual({ x: 0, y: 0, width: 1440, height: 860 })
    const small = { x: 5000, y: 5000, width: 1000, height: 700 }
    expect(clampToDisplays(small, [laptop])).toEqual({ x: 220, y: 80, width: 1000, height: 700 })
  })

  it('saves and loads, and ignores a damaged file', async () => {
    const file = join(dir, 'window.json')
    expect(await loadWindowState(file)).toBeNull()
    const state = { bounds: { x: 1, y: 2, width: 1300, height: 800 }, maximized: true }
    await saveWindowState(file, state)
    expect(await loadWindowState(file)).toEqual(state)
    await writeFile(file, '{"bounds": {"x": 1}}')
    expect(await loadWindowState(file)).toBeNull()
  })
})

describe('application menu', () => {
  const roles = (items: MenuItemSpec[]): string[] =>
    items.flatMap((i) => [...(i.role ? [i.role] : []), ...roles(i.submenu ?? [])])

  it('has the standard roles and the app items with their shortcuts', () => {
    const menu = menuTemplate({
      platform: 'linux',
      recent: [{ path: '/data/Gulf', name: 'Gulf', openedAt: '' }]
    })
    expect(roles(menu)).toEqual(
      expect.arrayContaining(['editMenu', 'viewMenu', 'windowMenu', 'quit'])
    )
    expect(actionsOf(menu)).toEqual([
      { kind: 'open-catalogue' },
      { kind: 'open-recent', path: '/data/Gulf' },
      { kind: 'import-folder' },
      { kind: 'about' }
    ])
    const file = menu[0]?.submenu ?? []
    expect(file.find((i) => i.action?.kind === 'open-catalogue')?.accelerator).toBe('CmdOrCtrl+O')
    expect(file.find((i) => i.action?.kind === 'import-folder')?.accelerator).toBe('CmdOrCtrl+I')
  })

  it('puts About in the app menu on macOS and says when there is nothing recent', () => {
    const menu = menuTemplate({ platform: 'darwin', recent: [] })
    expect(menu[0]?.label).toBe('Flukeprint')
    expect(menu[0]?.submenu?.[0]?.action).toEqual({ kind: 'about' })
    expect(roles(menu)).toEqual(expect.arrayContaining(['hide', 'services', 'close', 'quit']))
    const recent = menu[1]?.submenu?.find((i) => i.label === 'Open Recent')
    expect(recent?.submenu).toEqual([{ label: 'No recent catalogues', enabled: false }])
  })
})

describe('about', () => {
  it('names every version and the backend with its reason', () => {
    const text = aboutText(
      { app: '0.1.0', electron: '45.5.0', chrome: '140.0', node: '22.1.0' },
      { backend: 'wasm', reason: 'tfjs-node is not installed' }
    )
    expect(text).toContain('Flukeprint 0.1.0')
    expect(text).toContain('Electron 45.5.0')
    expect(text).toContain('Chromium 140.0')
    expect(text).toContain('Node.js 22.1.0')
    expect(text).toContain('TensorFlow.js backend: wasm (tfjs-node is not installed)')
    expect(aboutText({ app: '1', node: '20' }, null)).toContain('not started yet')
  })
})
