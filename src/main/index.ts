// Electron's main process: wires the shared core to a window. Everything else lives in
// plain services that the web host and the CLI use too.
import { app, BrowserWindow } from 'electron'
import { join } from 'node:path'
import { createHandlers } from './api/handlers'
import { AppCore } from './core/app-core'
import { registerImageScheme, setupImageProtocol } from './electron/image-protocol'
import { setupIpc } from './electron/ipc'
import { setupSecurity } from './electron/security'
import { isTrustedPageUrl } from './electron/trusted-url'
import { RecentCatalogues } from './desktop/recent-catalogues'
import { setupAppMenu } from './electron/app-menu'
import { setupJobNotifications } from './electron/notifications'
import { rememberWindowState, restoredWindowState } from './electron/window-state'
import { createMainWindow, pickPath, rendererPaths } from './electron/windows'

const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL']
const { preload, rendererIndex } = rendererPaths(import.meta.dirname)

registerImageScheme()

async function start(): Promise<void> {
  await app.whenReady()
  const core = new AppCore({ app: 'the Flukeprint app' })
  const userData = app.getPath('userData')
  const recent = new RecentCatalogues(join(userData, 'recent-catalogues.json'))
  const handlers = createHandlers(core, {
    recent,
    host: 'electron',
    version: app.getVersion(),
    defaultCatalogPath: join(app.getPath('documents'), 'Flukeprint', 'Catalogue'),
    defaultDemoPath: join(app.getPath('userData'), 'Demo catalogue'),
    pickPath: (kind, title) => pickPath(BrowserWindow.getFocusedWindow(), kind, title)
  })
  const isTrustedPage = (url: string) => isTrustedPageUrl(url, rendererIndex, devServerUrl)
  setupSecurity(isTrustedPage)
  setupImageProtocol(core)
  setupIpc(core, handlers, isTrustedPage, () => BrowserWindow.getAllWindows())
  setupJobNotifications(core, () => BrowserWindow.getAllWindows())
  const refreshMenu = setupAppMenu(core, recent, () => BrowserWindow.getFocusedWindow())
  await refreshMenu()
  // The Open Recent submenu follows catalogues opened from the window as well as the menu.
  core.onEvent((name, payload) => {
    if (name === 'catalog.changed' && (payload as { reason: string }).reason === 'opened')
      void refreshMenu()
  })
  const windowStateFile = join(userData, 'window-state.json')
  const open = async () => {
    const window = createMainWindow(
      preload,
      rendererIndex,
      devServerUrl,
      await restoredWindowState(windowStateFile)
    )
    rememberWindowState(window, windowStateFile)
  }
  await open()
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) void open()
  })
  app.on('before-quit', () => core.jobs.cancelAll())
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit()
})

start().catch((error: unknown) => {
  console.error('[flukeprint] failed to start:', error)
  app.exit(1)
})
