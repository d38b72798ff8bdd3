import { createTheme, localStorageColorSchemeManager } from '@mantine/core'

export const theme = createTheme({
  primaryColor: 'cyan',
  primaryShade: { light: 7, dark: 6 },
  defaultRadius: 'md',
  fontFamily:
    'Inter, system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  fontFamilyMonospace: 'ui-monospace, "SF Mono", Menlo, Consolas, "DejaVu Sans Mono", monospace',
  headings: { fontWeight: '650' },
  cursorType: 'pointer'
})

/** The light/dark choice survives restarts, in Electron and in the browser alike. */
export const colorSchemeManager = localStorageColorSchemeManager({
  key: 'flukeprint.color-scheme'
})
