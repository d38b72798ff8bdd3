// Electron's security recommendations applied to every web contents the app creates and to
// the session: the rules themselves live in policy.ts, with their tests.
import { app, session } from 'electron'
import { denyAllPermissions, guardContents } from './policy'

export function setupSecurity(isTrustedPage: (url: string) => boolean): void {
  app.on('web-contents-created', (_event, contents) => guardContents(contents, isTrustedPage))
  denyAllPermissions(session.defaultSession)
}
