// The menu glue against a stand-in for Electron (which cannot run here): the template reaches
// Menu with its roles, and the app items reach the core.
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { AppCore } from '../core/app-core'
import { RecentCatalogues } from '../desktop/recent-catalogues'

interface Item {
  label?: string
  role?: string
  click?: () => void
  submenu?: Item[]
}

const electron = vi.hoisted(() => ({
  menus: [] as unknown[],
  boxes: [] as { detail?: string; message: string }[]
}))

vi.mock('electron', () => ({
  app: { getVersion: () => '0.1.0' },
  BrowserWindow: class {},
  dialog: {
    showMessageBox: (_w: unknown, options: { message: string; detail?: string }) => {
      electron.boxes.push(options)
      return Promise.resolve({ response: 0 })
    },
    showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] })
  },
  Menu: {
    buildFromTemplate: (template: unknown) => template,
    setApplicationMenu: (menu: unknown) => electron.menus.push(menu)
  }
}))

let dir = ''
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fp-menu-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

const find = (items: Item[], label: string): Item | undefined =>
  items
    .flatMap((i) => [i, ...(i.submenu ?? [])])
    .flatMap((i) => [i, ...(i.submenu ?? [])])
    .find((i) => i.label?.startsWith(label))

describe('setupAppMenu', () => {
  it('installs the menu with the recent catalogues and runs its items', async () => {
    const { setupAppMenu } = await import('./app-menu')
    const recent = new RecentCatalogues(join(dir, 'recent.json'))
    await recent.add('/data/Gulf')
    const opened: string[] = []
    const events: unknown[] = []
    const core = {
      openCatalog: (path: string) => {
        opened.push(path)
        return Promise.resolve({ dir: path })
      },
      emit: (...args: unknown[]) => events.push(args),
      engineStatus: () => ({ backend: 'wasm', reason: 'no native TensorFlow here' })
    } as unknown as AppCore
    const refresh = setupAppMenu(core, recent, () => ({}) as never)
    await refresh()
    const menu = electron.menus.at(-1) as Item[]
    expect(menu.map((m) => m.role ?? m.label)).toEqual(
      expect.arrayContaining(['editMenu', 'viewMenu', 'windowMenu'])
    )
    find(menu, 'Gulf')?.click?.()
    await vi.waitFor(() => expect(opened).toEqual(['/data/Gulf']))
    await vi.waitFor(() => expect(events).toContainEqual(['app.navigate', { hash: '#/catalogue' }]))
    find(menu, 'About Flukeprint')?.click?.()
    await vi.waitFor(() => expect(electron.boxes).toHaveLength(1))
    expect(electron.boxes[0]?.detail).toContain(
      'TensorFlow.js backend: wasm (no native TensorFlow here)'
    )
  })
})
