// The application menu: the template (src/main/desktop/app-menu.ts) made into Electron's Menu,
// its actions wired to the core, rebuilt when the recent catalogues change.
import { app, dialog, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron'
import type { AppCore } from '../core/app-core'
import { aboutText } from '../desktop/about'
import { menuTemplate, type MenuAction, type MenuItemSpec } from '../desktop/app-menu'
import type { RecentCatalogues } from '../desktop/recent-catalogues'
import { errorMessage } from '../errors'
import { pickPath } from './windows'

function toElectron(
  items: MenuItemSpec[],
  run: (action: MenuAction) => void
): MenuItemConstructorOptions[] {
  return items.map(({ action, submenu, ...item }) => ({
    ...item,
    ...(action ? { click: () => run(action) } : {}),
    ...(submenu ? { submenu: toElectron(submenu, run) } : {})
  }))
}

export function setupAppMenu(
  core: AppCore,
  recent: RecentCatalogues,
  focused: () => BrowserWindow | null
): () => Promise<void> {
  const fail = async (message: string, error: unknown) => {
    const window = focused()
    if (window)
      await dialog.showMessageBox(window, { type: 'error', message, detail: errorMessage(error) })
  }
  const open = async (path: string) => {
    try {
      const catalog = await core.openCatalog(path, false)
      await recent.add(catalog.dir)
      core.emit('app.navigate', { hash: '#/catalogue' })
      await refresh()
    } catch (error) {
      await fail('The catalogue could not be opened', error)
    }
  }
  const run = async (action: MenuAction): Promise<void> => {
    const window = focused()
    switch (action.kind) {
      case 'open-catalogue': {
        const path = await pickPath(window, 'folder', 'Open a catalogue folder')
        if (path) await open(path)
        return
      }
      case 'open-recent':
        return open(action.path)
      case 'import-folder': {
        const folder = await pickPath(window, 'folder', 'Choose a folder of photos to import')
        if (!folder) return
        try {
          core.startFolderImport(folder)
          core.emit('app.navigate', { hash: '#/import' })
        } catch (error) {
          await fail('The folder could not be imported', error)
        }
        return
      }
      case 'about':
        if (!window) return
        await dialog.showMessageBox(window, {
          type: 'info',
          title: 'About Flukeprint',
          message: `Flukeprint ${app.getVersion()}`,
          detail: aboutText(
            {
              app: app.getVersion(),
              electron: process.versions['electron'],
              chrome: process.versions['chrome'],
              node: process.versions.node
            },
            core.engineStatus()
          )
        })
    }
  }
  const refresh = async () => {
    await recent.settled()
    const template = menuTemplate({ platform: process.platform, recent: await recent.list() })
    Menu.setApplicationMenu(Menu.buildFromTemplate(toElectron(template, (a) => void run(a))))
  }
  return refresh
}
