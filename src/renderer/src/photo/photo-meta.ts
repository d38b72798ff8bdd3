import type { Camera } from '@shared/domain'

// What the EXIF orientation tag asked the viewer to do; the app shows photos already upright.
const ORIENTATION: Record<number, string> = {
  1: 'upright as stored',
  2: 'mirrored left–right',
  3: 'turned 180°',
  4: 'mirrored top–bottom',
  5: 'mirrored, turned 90° anticlockwise',
  6: 'turned 90° clockwise',
  7: 'mirrored, turned 90° clockwise',
  8: 'turned 90° anticlockwise'
}

export function describeOrientation(tag: number): string {
  const meaning = ORIENTATION[tag]
  return meaning ? `${tag} (${meaning})` : String(tag)
}

export function describeCamera(camera: Camera | null): string {
  if (!camera) return 'Unknown'
  const { make, model } = camera
  // Many makers repeat their name in the model ("Canon" + "Canon EOS 7D", "NIKON CORPORATION" +
  // "NIKON D500"); the model alone then says it all.
  if (make && model) {
    const brand = make.split(/\s+/)[0]?.toLowerCase() ?? ''
    return model.toLowerCase().startsWith(brand) ? model : `${make} ${model}`
  }
  return make ?? model ?? 'Unknown'
}
