// The contract over IPC: one request channel, one event channel. Messages from anything but the
// app's own page, in a top frame, are refused.
import { ipcMain, type BrowserWindow } from 'electron'
import { EVENT_CHANNEL, REQUEST_CHANNEL } from '../../shared/channels'
import { dispatch } from '../api/dispatch'
import type { Handlers } from '../api/handlers'
import type { AppCore } from '../core/app-core'
import { isTrustedSender } from './policy'

export function setupIpc(
  core: AppCore,
  handlers: Handlers,
  isTrustedPage: (url: string) => boolean,
  windows: () => BrowserWindow[]
): void {
  ipcMain.handle(REQUEST_CHANNEL, async (event, message: unknown) => {
    if (!isTrustedSender(event.senderFrame, isTrustedPage)) {
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
