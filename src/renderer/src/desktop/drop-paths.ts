// Paths from something dropped on the window. Electron gives a dropped file's real path
// (webUtils, through the preload); a browser never does for files, but a file:// link or a
// pasted-in path dragged as text carries one, so the web host takes those.

/** Local paths in a text/uri-list or plain-text drop; anything not a local path is ignored. */
export function pathsFromText(uriList: string, text: string): string[] {
  const fromUris = uriList
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .flatMap((uri) => {
      try {
        const url = new URL(uri)
        return url.protocol === 'file:' && (url.host === '' || url.host === 'localhost')
          ? [decodeURIComponent(url.pathname).replace(/^\/([A-Za-z]:\/)/, '$1')]
          : []
      } catch {
        return []
      }
    })
  if (fromUris.length) return fromUris
  const line = text.trim()
  const looksLikePath = /^(\/|[A-Za-z]:[\\/]|~\/)/.test(line) && !line.includes('\n')
  return looksLikePath ? [line] : []
}

export interface DropSource {
  files: File[]
  uriList: string
  text: string
}

/** Every path that can be had from the drop, first from files (Electron), else from text. */
export function droppedPaths(drop: DropSource, pathForFile?: (file: File) => string): string[] {
  if (pathForFile) {
    const paths = drop.files.map((f) => pathForFile(f)).filter((p) => p !== '')
    if (paths.length) return paths
  }
  return pathsFromText(drop.uriList, drop.text)
}
