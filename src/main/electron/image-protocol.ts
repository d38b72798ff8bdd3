// fp-img://<kind>/<photo id>: images reach the window by id only, from the open catalogue.
import { net, protocol } from 'electron'
import { pathToFileURL } from 'node:url'
import { IMAGE_SCHEME } from '../../shared/channels'
import type { AppCore } from '../core/app-core'
import { imageFileFor, isImageKind } from '../images/image-by-id'

/** Must run before the app is ready. */
export function registerImageScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: IMAGE_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

export function setupImageProtocol(core: AppCore): void {
  protocol.handle(IMAGE_SCHEME, async (request) => {
    const url = new URL(request.url)
    const kind = url.hostname
    const id = decodeURIComponent(url.pathname.replace(/^\//, ''))
    if (!isImageKind(kind)) return new Response('unknown image kind', { status: 404 })
    try {
      const file = await imageFileFor(core.catalog, kind, id)
      return await net.fetch(pathToFileURL(file).toString())
    } catch {
      return new Response('no such photo in the open catalogue', { status: 404 })
    }
  })
}
