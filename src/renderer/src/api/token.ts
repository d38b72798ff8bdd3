const STORAGE_KEY = 'flukeprint.token'

interface TokenSources {
  search: string
  storage: Pick<Storage, 'getItem' | 'setItem'> | null
}

/**
 * The web host hands the page its token once, in the URL it opens. Keeping it in
 * sessionStorage lets a reload (or a hash change that drops the query) keep working, while a
 * new browser session has to be opened from the host's URL again.
 */
export function readToken({ search, storage }: TokenSources): string | null {
  const fromUrl = new URLSearchParams(search).get('token')
  if (fromUrl) {
    storage?.setItem(STORAGE_KEY, fromUrl)
    return fromUrl
  }
  return storage?.getItem(STORAGE_KEY) ?? null
}

export function browserToken(): string | null {
  let storage: Storage | null = null
  try {
    storage = window.sessionStorage
  } catch {
    // Storage can be disabled by the browser; the URL's token still works for this page.
  }
  return readToken({ search: window.location.search, storage })
}
