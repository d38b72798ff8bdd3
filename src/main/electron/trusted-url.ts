// Which URLs count as the app's own page. Everything else is refused: navigation, IPC senders.
import { pathToFileURL } from 'node:url'

export function isTrustedPageUrl(
  url: string | undefined,
  rendererIndex: string,
  devServerUrl?: string
): boolean {
  if (!url) return false
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (devServerUrl) {
    const dev = new URL(devServerUrl)
    if (parsed.origin === dev.origin) return true
  }
  const own = pathToFileURL(rendererIndex)
  return parsed.protocol === 'file:' && parsed.pathname === own.pathname
}
