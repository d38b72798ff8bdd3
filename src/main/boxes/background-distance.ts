// What both box proposers look at: a small rendering of the upright photo and, per pixel, how
// far its colour is from its row's median colour. Sea and sky change mostly from top to
// bottom, so the row median stands for the background and a fluke stands out from it.
import sharp from 'sharp'

/** The long side of the rendering the proposers work on: a few milliseconds per photo. */
export const ANALYSIS_SIZE = 128

export interface PhotoAnalysis {
  width: number
  height: number
  /** Per pixel, the L1 colour distance to its row's median colour. */
  distance: Float32Array
  /** Mean + one standard deviation of `distance`: above it a pixel stands out. */
  threshold: number
}

/** `image`: a file or encoded image, already upright. */
export async function analysePhoto(image: string | Buffer): Promise<PhotoAnalysis> {
  const { data, info } = await sharp(image)
    .resize(ANALYSIS_SIZE, ANALYSIS_SIZE, { fit: 'inside' })
    .blur(1)
    .removeAlpha()
    .toColourspace('srgb')
    .raw()
    .toBuffer({ resolveWithObject: true })
  const { width, height, channels } = info
  const distance = rowBackgroundDistance(data, width, height, channels)
  return { width, height, distance, threshold: meanPlusSd(distance) }
}

function rowBackgroundDistance(
  data: Buffer,
  width: number,
  height: number,
  channels: number
): Float32Array {
  const out = new Float32Array(width * height)
  const row = new Uint8Array(width)
  const median = [0, 0, 0]
  for (let y = 0; y < height; y++) {
    for (let c = 0; c < 3; c++) {
      for (let x = 0; x < width; x++) row[x] = data[(y * width + x) * channels + c] ?? 0
      median[c] = row.slice().sort()[width >> 1] ?? 0
    }
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * channels
      let sum = 0
      for (let c = 0; c < 3; c++) sum += Math.abs((data[at + c] ?? 0) - (median[c] ?? 0))
      out[y * width + x] = sum
    }
  }
  return out
}

function meanPlusSd(values: Float32Array): number {
  let mean = 0
  for (const v of values) mean += v
  mean /= values.length
  let variance = 0
  for (const v of values) variance += (v - mean) ** 2
  return mean + Math.sqrt(variance / values.length)
}
