// Names both sides of the Electron bridge agree on.
export const REQUEST_CHANNEL = 'flukeprint:request'
export const EVENT_CHANNEL = 'flukeprint:event'
/** Custom protocol serving images by photo id: fp-img://thumb/<id>, fp-img://preview/<id>. */
export const IMAGE_SCHEME = 'fp-img'
