// Windows .ico and macOS .icns containers around PNG images, so the app icon can be made
// offline from one SVG (sharp renders the PNGs; neither it nor electron-builder writes these
// two formats on Linux). Both formats accept PNG payloads: ICO since Windows Vista, ICNS for
// the 'ic07'..'ic10' types (128 px to 1024 px).

export interface SizedPng {
  size: number
  png: Buffer
}

/** An ICO file holding each PNG as one entry (sizes up to 256 px). */
export function icoFile(images: SizedPng[]): Buffer {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // 1 = icon
  header.writeUInt16LE(images.length, 4)
  const entries: Buffer[] = []
  let offset = 6 + 16 * images.length
  for (const { size, png } of images) {
    if (size > 256) throw new Error(`an ICO entry is at most 256 px, not ${size}`)
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size === 256 ? 0 : size, 0) // 0 means 256
    entry.writeUInt8(size === 256 ? 0 : size, 1)
    entry.writeUInt8(0, 2) // no palette
    entry.writeUInt8(0, 3)
    entry.writeUInt16LE(1, 4) // colour planes
    entry.writeUInt16LE(32, 6) // bits per pixel
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += png.length
    entries.push(entry)
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)])
}

const ICNS_TYPES: Record<number, string> = { 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' }

/** An ICNS file with the PNGs whose sizes have a PNG type (128, 256, 512, 1024). */
export function icnsFile(images: SizedPng[]): Buffer {
  const chunks = images.flatMap(({ size, png }) => {
    const type = ICNS_TYPES[size]
    if (!type) return []
    const head = Buffer.alloc(8)
    head.write(type, 0, 'ascii')
    head.writeUInt32BE(8 + png.length, 4)
    return [head, png]
  })
  const body = Buffer.concat(chunks)
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'ascii')
  head.writeUInt32BE(8 + body.length, 4)
  return Buffer.concat([head, body])
}

/** The entries of an ICO file: [width, height, byte length] each (for tests and checks). */
export function readIcoEntries(ico: Buffer): { size: number; bytes: number; offset: number }[] {
  const count = ico.readUInt16LE(4)
  return Array.from({ length: count }, (_, i) => {
    const at = 6 + 16 * i
    const width = ico.readUInt8(at) || 256
    return { size: width, bytes: ico.readUInt32LE(at + 8), offset: ico.readUInt32LE(at + 12) }
  })
}

/** The chunk types of an ICNS file, in order. */
export function readIcnsTypes(icns: Buffer): string[] {
  const types: string[] = []
  for (let at = 8; at + 8 <= icns.length; at += icns.readUInt32BE(at + 4)) {
    types.push(icns.toString('ascii', at, at + 4))
    if (icns.readUInt32BE(at + 4) < 8) break
  }
  return types
}
