// Renders resources/icon.svg into the icons electron-builder packs: icon.png (512 px, Linux
// and the source for the others), icon.ico (Windows) and icon.icns (macOS). Run with
// `npm run icons` after changing the SVG; the outputs are committed.
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import sharp from 'sharp'
import { icnsFile, icoFile } from './icon-files'

const resources = join(import.meta.dirname, '..', '..', '..', 'resources')
const svg = await readFile(join(resources, 'icon.svg'))
const render = async (size: number) => ({
  size,
  png: await sharp(svg, { density: (72 * size) / 512 })
    .resize(size, size)
    .png()
    .toBuffer()
})
const pngs = await Promise.all([16, 24, 32, 48, 64, 128, 256, 512, 1024].map(render))
const bySize = (sizes: number[]) => pngs.filter((p) => sizes.includes(p.size))
await writeFile(join(resources, 'icon.png'), bySize([512])[0]?.png ?? Buffer.alloc(0))
await writeFile(join(resources, 'icon.ico'), icoFile(bySize([16, 24, 32, 48, 64, 128, 256])))
await writeFile(join(resources, 'icon.icns'), icnsFile(bySize([128, 256, 512, 1024])))
console.log('wrote resources/icon.png, icon.ico and icon.icns')
