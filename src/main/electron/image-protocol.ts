// fp-img://<kind>/<photo id>: images reach the window by id only, from the open catalogue.
import { net, protocol } from 'electron'
import { pathToFileURL } from 'node:url'
import { IMAGE_SCHEME } from '../../shared/channels'
import type { AppCore } from '../core/app-core'
import { answerImageRequest } from './image-request'

/** Must run before the app is ready. */
export function registerImageScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: IMAGE_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }
  ])
}

export function setupImageProtocol(core: AppCore): void {
  protocol.handle(IMAGE_SCHEME, async (request) => {
    const answer = await answerImageRequest(core.catalog, request.url)
    if ('status' in answer) return new Response(answer.message, { status: answer.status })
    return net.fetch(pathToFileURL(answer.file).toString())
  })
}
