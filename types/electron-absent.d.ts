// Type-checks the Electron glue where the `electron` package could not be installed (its
// install script downloads the binary: see README). Where it is installed, tsconfig's `paths`
// picks node_modules/electron/electron.d.ts first and this file is not used. It declares only
// what src/main/electron and src/preload call, with Electron's own signatures.
declare module 'electron' {
  interface PreventableEvent {
    preventDefault(): void
  }
  interface WebContents {
    send(channel: string, ...args: unknown[]): void
    on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): this
    on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): this
    on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): this
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' | 'allow' }): void
  }
  interface WebPreferences {
    preload?: string
    contextIsolation?: boolean
    sandbox?: boolean
    nodeIntegration?: boolean
    nodeIntegrationInWorker?: boolean
    nodeIntegrationInSubFrames?: boolean
    webSecurity?: boolean
    allowRunningInsecureContent?: boolean
    experimentalFeatures?: boolean
    webviewTag?: boolean
  }
  interface BrowserWindowConstructorOptions {
    x?: number
    y?: number
    icon?: string
    width?: number
    height?: number
    minWidth?: number
    minHeight?: number
    show?: boolean
    title?: string
    webPreferences?: WebPreferences
  }
  interface Rectangle {
    x: number
    y: number
    width: number
    height: number
  }
  interface Display {
    workArea: Rectangle
  }
  class BrowserWindow {
    constructor(options?: BrowserWindowConstructorOptions)
    getNormalBounds(): Rectangle
    isMaximized(): boolean
    maximize(): void
    isDestroyed(): boolean
    isFocused(): boolean
    on(event: 'close' | 'resized' | 'moved', listener: () => void): this
    static getAllWindows(): BrowserWindow[]
    static getFocusedWindow(): BrowserWindow | null
    readonly webContents: WebContents
    once(event: 'ready-to-show', listener: () => void): this
    show(): void
    loadURL(url: string): Promise<void>
    loadFile(path: string): Promise<void>
  }
  interface App {
    readonly isPackaged: boolean
    whenReady(): Promise<void>
    getVersion(): string
    getPath(name: 'documents' | 'userData' | 'home'): string
    quit(): void
    exit(code?: number): void
    on(
      event: 'web-contents-created',
      listener: (event: unknown, contents: WebContents) => void
    ): this
    on(event: 'activate' | 'before-quit' | 'window-all-closed', listener: () => void): this
  }
  interface OpenDialogOptions {
    title?: string
    properties?: ('openFile' | 'openDirectory')[]
    filters?: { name: string; extensions: string[] }[]
  }
  interface OpenDialogReturnValue {
    canceled: boolean
    filePaths: string[]
  }
  interface Dialog {
    showOpenDialog(
      window: BrowserWindow,
      options: OpenDialogOptions
    ): Promise<OpenDialogReturnValue>
    showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>
    showMessageBox(
      window: BrowserWindow,
      options: { type?: 'info' | 'error'; title?: string; message: string; detail?: string }
    ): Promise<{ response: number }>
  }
  interface MenuItemConstructorOptions {
    label?: string
    role?: string
    type?: 'normal' | 'separator' | 'submenu'
    accelerator?: string
    enabled?: boolean
    click?: () => void
    submenu?: MenuItemConstructorOptions[]
  }
  class Menu {
    static buildFromTemplate(template: MenuItemConstructorOptions[]): Menu
    static setApplicationMenu(menu: Menu | null): void
  }
  class Notification {
    constructor(options: { title: string; body: string; icon?: string })
    static isSupported(): boolean
    show(): void
    on(event: 'click', listener: () => void): this
  }
  interface Session {
    setPermissionRequestHandler(
      handler: (
        contents: WebContents,
        permission: string,
        callback: (granted: boolean) => void
      ) => void
    ): void
    setPermissionCheckHandler(handler: () => boolean): void
    setDevicePermissionHandler(handler: () => boolean): void
  }
  interface IpcMainInvokeEvent {
    senderFrame: { url: string; parent: unknown } | null
  }
  interface IpcRendererEvent {
    sender: unknown
  }
  export const app: App
  export const dialog: Dialog
  export const session: { defaultSession: Session }
  export const shell: { openExternal(url: string): Promise<void> }
  export const net: { fetch(url: string): Promise<Response> }
  export const protocol: {
    registerSchemesAsPrivileged(
      schemes: {
        scheme: string
        privileges: { standard?: boolean; secure?: boolean; supportFetchAPI?: boolean }
      }[]
    ): void
    handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void
  }
  export const ipcMain: {
    handle(
      channel: string,
      listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => unknown
    ): void
  }
  export const ipcRenderer: {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>
    on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): void
    removeListener(
      channel: string,
      listener: (event: IpcRendererEvent, ...args: unknown[]) => void
    ): void
  }
  export const contextBridge: { exposeInMainWorld(key: string, api: unknown): void }
  export const screen: { getAllDisplays(): Display[]; getPrimaryDisplay(): Display }
  export const webUtils: { getPathForFile(file: File): string }
  export { BrowserWindow, Menu, Notification }
  export type { WebContents, IpcMainInvokeEvent, MenuItemConstructorOptions, Rectangle }
}
