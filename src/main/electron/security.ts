// Electron's security recommendations applied to every web contents the app creates:
// no navigation away from the app, no new windows, no webviews, no permissions.
import { app, session, shell } from 'electron'
import { isTrustedPageUrl } from './trusted-url'

export function setupSecurity(rendererIndex: string, devServerUrl?: string): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedPageUrl(url, rendererIndex, devServerUrl)) event.preventDefault()
    })
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      // Links to documentation open in the user's browser, never inside the app.
      if (url.startsWith('https://')) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false)
  )
  session.defaultSession.setPermissionCheckHandler(() => false)
}
