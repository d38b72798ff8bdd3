// Pixels in the form the backbone was trained on.
import * as tf from '@tensorflow/tfjs'
import sharp from 'sharp'
import { INPUT_SIZE } from './backbone'

/**
 * unit: x / 255, what nsfwjs feeds the network (its fine-tuning used Keras's rescale=1/255).
 * symmetric: x / 127.5 - 1, what Keras's ImageNet MobileNetV2 weights expect.
 */
export type Normalisation = 'unit' | 'symmetric'

/**
 * Measured (bench/pretrained-layers.ts --norm both): unit beats symmetric at blocks 5-13 on both
 * whale sets, so the fine-tuning to [0, 1] inputs reached the middle blocks too.
 */
export const DEFAULT_NORMALISATION: Normalisation = 'unit'

const PIXELS = INPUT_SIZE * INPUT_SIZE * 3

/** One RGB image as INPUT_SIZE x INPUT_SIZE x 3 bytes, stretched (the crops are boxes already). */
export async function decodeForBackbone(path: string): Promise<Uint8Array> {
  const { data, info } = await sharp(path)
    .removeAlpha()
    .toColourspace('srgb')
    .resize(INPUT_SIZE, INPUT_SIZE, { fit: 'fill' })
    .raw()
    .toBuffer({ resolveWithObject: true })
  if (info.channels !== 3) throw new Error(`${path} decoded to ${info.channels} channels, not 3`)
  return new Uint8Array(data.buffer, data.byteOffset, data.length)
}

export function toBatch(images: Uint8Array[], normalisation: Normalisation): tf.Tensor4D {
  const batch = new Float32Array(images.length * PIXELS)
  const [scale, offset] = normalisation === 'unit' ? [1 / 255, 0] : [1 / 127.5, -1]
  images.forEach((image, i) => {
    if (image.length !== PIXELS) {
      throw new Error(`image ${i} has ${image.length} bytes; the backbone wants ${PIXELS}`)
    }
    const base = i * PIXELS
    for (let j = 0; j < PIXELS; j++) batch[base + j] = (image[j] ?? 0) * scale + offset
  })
  return tf.tensor4d(batch, [images.length, INPUT_SIZE, INPUT_SIZE, 3])
}
