// Photos per second imported (hash, probe, EXIF, thumbnail, catalogue writes) beside
// `vipsthumbnail` (Debian libvips-tools) making the same 256 px thumbnails from the same files,
// with the same parallelism (2 files at a time). Usage:
//   npx tsx bench/import.ts [--dataset DIR] [--large N]
// DIR defaults to ../shared/datasets/rightwhale_dev; --large N also draws N 12-megapixel JPEGs.
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, readdir, rm } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import sharp from 'sharp'
import { Catalog } from '../src/main/catalog/catalog'
import { folderImportRequest } from '../src/main/import/import-requests'
import { runImport } from '../src/main/import/importer'

const { values } = parseArgs({
  options: {
    dataset: {
      type: 'string',
      default: join(import.meta.dirname, '../../shared/datasets/rightwhale_dev')
    },
    large: { type: 'string', default: '40' }
  }
})

async function timeFlukeprint(
  folder: string
): Promise<{ seconds: number; photos: number; peakRssMb: number }> {
  const dir = join(tmpdir(), `fp-bench-${Date.now()}`)
  const catalog = await Catalog.open(dir, { create: true })
  let peak = process.memoryUsage().rss
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50)
  const start = performance.now()
  const result = await runImport(catalog, await folderImportRequest(folder), {
    signal: new AbortController().signal,
    progress: () => undefined
  })
  const seconds = (performance.now() - start) / 1000
  clearInterval(sampler)
  await rm(dir, { recursive: true, force: true })
  return { seconds, photos: result.added ?? 0, peakRssMb: Math.round(peak / 2 ** 20) }
}

function timeVips(folder: string, files: string[]): number {
  const out = join(tmpdir(), `fp-vips-${Date.now()}`)
  execFileSync('mkdir', ['-p', out])
  const list = files.map((f) => join(folder, f)).join('\0')
  const start = performance.now()
  const run = spawnSync(
    'xargs',
    ['-0', '-P', '2', '-n', '50', 'vipsthumbnail', '-s', '256', '-o', `${out}/%s.jpg[Q=78]`],
    { input: list, stdio: ['pipe', 'ignore', 'inherit'] }
  )
  const seconds = (performance.now() - start) / 1000
  if (run.status !== 0) throw new Error('vipsthumbnail failed')
  execFileSync('rm', ['-rf', out])
  return seconds
}

async function drawLargeJpegs(count: number): Promise<string> {
  const folder = join(tmpdir(), `fp-12mp-${count}`)
  await mkdir(folder, { recursive: true })
  for (let i = 0; i < count; i++) {
    const file = join(folder, `IMG_${String(i).padStart(4, '0')}.jpg`)
    if (existsSync(file)) continue
    // Noise over a gradient compresses like a real sea photo (3-6 MB at quality 90).
    const noise = await sharp({
      create: {
        width: 4000,
        height: 3000,
        channels: 3,
        background: '#2a4b66',
        noise: { type: 'gaussian', mean: 110 + i, sigma: 40 }
      }
    })
      .jpeg({ quality: 90 })
      .toBuffer()
    await sharp(noise)
      .withExif({ IFD0: { Make: 'Bench', Model: '12MP', DateTime: '2024:07:01 10:00:00' } })
      .toFile(file)
  }
  return folder
}

async function measure(label: string, folder: string) {
  const files = (await readdir(folder, { recursive: true })).filter((f) =>
    /\.(jpe?g|png|tiff?|webp)$/i.test(f)
  )
  const fp = await timeFlukeprint(folder)
  const vips = timeVips(folder, files)
  const row = {
    set: label,
    photos: fp.photos,
    flukeprintPhotosPerSecond: +(fp.photos / fp.seconds).toFixed(1),
    vipsthumbnailPhotosPerSecond: +(files.length / vips).toFixed(1),
    ratio: +(fp.seconds / vips).toFixed(2),
    flukeprintPeakRssMb: fp.peakRssMb
  }
  console.log(JSON.stringify(row))
}

console.error(
  `machine: ${cpus().length} x ${cpus()[0]?.model ?? '?'}, node ${process.version}, sharp ${sharp.versions.vips ? `libvips ${sharp.versions.vips}` : ''}`
)
console.error(
  `vipsthumbnail: ${execFileSync('vipsthumbnail', ['--vips-version']).toString().trim()}`
)
const dataset = resolve(values.dataset)
if (existsSync(join(dataset, 'images')))
  await measure('rightwhale_dev (224x224 JPEG)', join(dataset, 'images'))
else console.error(`skipped ${dataset}: not found (see ../shared/datasets/README.md)`)
const large = Number(values.large)
if (large > 0) await measure(`${large} x 12 MP JPEG`, await drawLargeJpegs(large))
