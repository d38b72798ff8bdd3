// The application menu as plain data: the standard roles (so shortcuts, Undo/Copy/Paste and the
// macOS app menu behave as on every other app) plus Flukeprint's own items. The Electron glue
// turns it into a Menu and connects the actions; keeping it here makes it testable.
import { basename } from 'node:path'
import type { RecentCatalogue } from '../../shared/contract'

export type MenuAction =
  | { kind: 'open-catalogue' }
  | { kind: 'open-recent'; path: string }
  | { kind: 'import-folder' }
  | { kind: 'about' }

/** The subset of Electron's MenuItemConstructorOptions this menu uses. */
export interface MenuItemSpec {
  label?: string
  role?: string
  type?: 'separator' | 'submenu'
  accelerator?: string
  enabled?: boolean
  action?: MenuAction
  submenu?: MenuItemSpec[]
}

const separator: MenuItemSpec = { type: 'separator' }

export function menuTemplate(options: {
  platform: NodeJS.Platform
  recent: RecentCatalogue[]
}): MenuItemSpec[] {
  const mac = options.platform === 'darwin'
  const about: MenuItemSpec = { label: 'About Flukeprint', action: { kind: 'about' } }
  const recent: MenuItemSpec[] = options.recent.length
    ? options.recent.map((c) => ({
        label: `${c.name || basename(c.path)} — ${c.path}`,
        action: { kind: 'open-recent', path: c.path }
      }))
    : [{ label: 'No recent catalogues', enabled: false }]
  const file: MenuItemSpec = {
    label: '&File',
    submenu: [
      { label: 'Open Catalogue…', accelerator: 'CmdOrCtrl+O', action: { kind: 'open-catalogue' } },
      { label: 'Open Recent', submenu: recent },
      separator,
      { label: 'Import Folder…', accelerator: 'CmdOrCtrl+I', action: { kind: 'import-folder' } },
      separator,
      mac ? { role: 'close' } : { role: 'quit' }
    ]
  }
  return [
    ...(mac
      ? [
          {
            label: 'Flukeprint',
            submenu: [
              about,
              separator,
              { role: 'services' },
              separator,
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              separator,
              { role: 'quit' }
            ]
          }
        ]
      : []),
    file,
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    ...(mac ? [] : [{ label: '&Help', submenu: [about] }])
  ]
}

/** Every action in a template, depth first (for tests and for wiring). */
export function actionsOf(items: MenuItemSpec[]): MenuAction[] {
  return items.flatMap((item) => [
    ...(item.action ? [item.action] : []),
    ...actionsOf(item.submenu ?? [])
  ])
}
