// What fp-img:// answers: the cached JPEG of a photo or annotation id of the open catalogue,
// else 404. No part of the address is ever used as a path.
import type { Catalog } from '../catalog/catalog'
import { imageFileFor, isImageKind } from '../images/image-by-id'
import { parseImageUrl } from './policy'

export type ImageAnswer = { file: string } | { status: 404; message: string }

export async function answerImageRequest(
  catalog: Catalog | null,
  url: string
): Promise<ImageAnswer> {
  const parsed = parseImageUrl(url)
  if (!parsed || !isImageKind(parsed.kind)) return { status: 404, message: 'unknown image' }
  try {
    return { file: await imageFileFor(catalog, parsed.kind, parsed.id) }
  } catch {
    return { status: 404, message: 'no such photo in the open catalogue' }
  }
}
