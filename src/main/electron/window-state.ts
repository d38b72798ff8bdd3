// Remembers the main window's bounds and maximised state in userData/window-state.json and
// restores them, clamped to the displays present now (src/main/desktop/window-state.ts).
import { screen, type BrowserWindow } from 'electron'
import {
  clampToDisplays,
  loadWindowState,
  saveWindowState,
  type Rect
} from '../desktop/window-state'

export async function restoredWindowState(
  file: string
): Promise<{ bounds: Rect | null; maximized: boolean }> {
  const saved = await loadWindowState(file)
  if (!saved) return { bounds: null, maximized: false }
  const primary = screen.getPrimaryDisplay().workArea
  const others = screen
    .getAllDisplays()
    .map((d) => d.workArea)
    .filter((a) => a.x !== primary.x || a.y !== primary.y)
  return { bounds: clampToDisplays(saved.bounds, [primary, ...others]), maximized: saved.maximized }
}

export function rememberWindowState(window: BrowserWindow, file: string): void {
  window.on('close', () => {
    // The normal bounds, so a maximised window comes back to the size it had before.
    void saveWindowState(file, {
      bounds: window.getNormalBounds(),
      maximized: window.isMaximized()
    }).catch(() => undefined)
  })
}
