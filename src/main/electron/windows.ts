import { BrowserWindow, dialog } from 'electron'
import { join } from 'node:path'
import type { PickKind } from '../../shared/contract'
import { secureWebPreferences } from './policy'
import type { Rect } from '../desktop/window-state'

export function createMainWindow(
  preload: string,
  rendererIndex: string,
  devServerUrl?: string,
  restored: { bounds: Rect | null; maximized: boolean } = { bounds: null, maximized: false }
): BrowserWindow {
  const window = new BrowserWindow({
    width: 1360,
    height: 880,
    ...(restored.bounds ?? {}),
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Flukeprint',
    webPreferences: secureWebPreferences(preload)
  })
  window.once('ready-to-show', () => {
    if (restored.maximized) window.maximize()
    window.show()
  })
  if (devServerUrl) void window.loadURL(devServerUrl)
  else void window.loadFile(rendererIndex)
  return window
}

export async function pickPath(
  window: BrowserWindow | null,
  kind: PickKind,
  title: string
): Promise<string | null> {
  const options = {
    title,
    properties: kind === 'folder' ? ['openDirectory' as const] : ['openFile' as const],
    filters:
      kind === 'csv'
        ? [{ name: 'CSV', extensions: ['csv'] }]
        : kind === 'sheet'
          ? [{ name: 'Spreadsheet', extensions: ['csv', 'xlsx'] }]
          : undefined
  }
  const result = window
    ? await dialog.showOpenDialog(window, options)
    : await dialog.showOpenDialog(options)
  return result.canceled ? null : (result.filePaths[0] ?? null)
}

export const rendererPaths = (mainDir: string) => ({
  preload: join(mainDir, '../preload/index.cjs'),
  rendererIndex: join(mainDir, '../renderer/index.html')
})
