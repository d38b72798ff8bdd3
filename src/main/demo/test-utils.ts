// Helpers shared by the demo generator's tests (not used by the app).
import sharp from 'sharp'
import type { DemoBox } from './types'

/** The box's content as a 32 x 32 grey vector with zero mean and unit length. */
export async function fingerprint(jpeg: Buffer, box: DemoBox): Promise<Float64Array> {
  const grey = await sharp(jpeg)
    .rotate()
    .extract({ left: box.x, top: box.y, width: box.width, height: box.height })
    .resize(32, 32, { fit: 'fill' })
    .greyscale()
    .raw()
    .toBuffer()
  const v = Float64Array.from(grey)
  const mean = v.reduce((a, b) => a + b, 0) / v.length
  let norm = 0
  for (let i = 0; i < v.length; i++) {
    v[i] = (v[i] ?? 0) - mean
    norm += (v[i] ?? 0) ** 2
  }
  return v.map((x) => x / Math.sqrt(norm || 1))
}

/** Normalised correlation of two fingerprints, -1..1. */
export function correlation(a: Float64Array, b: Float64Array): number {
  let sum = 0
  for (let i = 0; i < a.length; i++) sum += (a[i] ?? 0) * (b[i] ?? 0)
  return sum
}

export const mean = (values: readonly number[]): number =>
  values.reduce((a, b) => a + b, 0) / Math.max(1, values.length)

/** exifr turns zone-less EXIF times into local Dates; read them back the same way. */
export function localIso(date: Date): string {
  const p = (n: number): string => String(n).padStart(2, '0')
  return (
    `${date.getFullYear()}-${p(date.getMonth() + 1)}-${p(date.getDate())}` +
    `T${p(date.getHours())}:${p(date.getMinutes())}:${p(date.getSeconds())}`
  )
}
