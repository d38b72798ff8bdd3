// Electron's security recommendations as small functions over minimal interfaces, so each is
// unit-tested without Electron (it cannot be installed everywhere we test). The glue in
// security.ts, windows.ts and ipc.ts only hands them Electron's objects.

/** Every window's web preferences: isolated, sandboxed, no Node, no webviews. */
export function secureWebPreferences(preload: string) {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false
  } as const
}

interface PreventableEvent {
  preventDefault(): void
}

/** The part of WebContents the guards use. */
export interface GuardedContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void
}

/**
 * No navigation or redirect away from the app's own page, no webviews, no new windows. Links
 * out are not opened either: the app has none, and shell.openExternal on a URL a page chose
 * is one of Electron's named risks.
 */
export function guardContents(
  contents: GuardedContents,
  isTrustedPage: (url: string) => boolean
): void {
  const stayHome = (event: PreventableEvent, url: string) => {
    if (!isTrustedPage(url)) event.preventDefault()
  }
  contents.on('will-navigate', stayHome)
  contents.on('will-redirect', stayHome)
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(() => ({ action: 'deny' }))
}

/** The part of Session the permission guards use. */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
  ): void
  setPermissionCheckHandler(handler: () => boolean): void
  setDevicePermissionHandler(handler: () => boolean): void
}

/** Camera, microphone, location, notifications, HID, USB, serial…: the app needs none. */
export function denyAllPermissions(session: PermissionSession): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false))
  session.setPermissionCheckHandler(() => false)
  session.setDevicePermissionHandler(() => false)
}

/** The frame an IPC message came from, as Electron describes it. */
export interface SenderFrame {
  url: string
  /** null for a window's top frame. */
  parent: unknown
}

/** Only the app's own page, in a top frame (never an iframe inside it), may call the core. */
export function isTrustedSender(
  frame: SenderFrame | null | undefined,
  isTrustedPage: (url: string) => boolean
): boolean {
  if (!frame) return false
  return frame.parent === null && isTrustedPage(frame.url)
}

/** The fp-img:// address split into kind and id; null for anything malformed. */
export function parseImageUrl(url: string): { kind: string; id: string } | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  const parts = parsed.pathname.split('/')
  // fp-img://<kind>/<one encoded id>: anything with more segments is not ours.
  if (parts.length !== 2 || parts[0] !== '' || !parts[1] || parsed.search || parsed.hash) {
    return null
  }
  try {
    return { kind: parsed.hostname, id: decodeURIComponent(parts[1]) }
  } catch {
    return null
  }
}
