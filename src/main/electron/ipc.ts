// The contract over IPC: one request channel, one event channel. Messages from anything but the
// app's own page are ignored.
import { ipcMain, type BrowserWindow } from 'electron'
import { EVENT_CHANNEL, REQUEST_CHANNEL } from '../../shared/channels'
import { dispatch } from '../api/dispatch'
import type { Handlers } from '../api/handlers'
import type { AppCore } from '../core/app-core'

export function setupIpc(
  core: AppCore,
  handlers: Handlers,
  isTrustedSender: (url: string | undefined) => boolean,
  windows: () => BrowserWindow[]
): void {
  ipcMain.handle(REQUEST_CHANNEL, async (event, message: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) {
      return {
        ok: false,
        status: 403,
        body: { error: 'sender not allowed', code: 'invalid-argument' }
      }
    }
    const { name, args } = (message ?? {}) as { name?: unknown; args?: unknown }
    return dispatch(handlers, name, args)
  })
  core.onEvent((name, payload) => {
    for (const window of windows()) window.webContents.send(EVENT_CHANNEL, { name, payload })
  })
}
