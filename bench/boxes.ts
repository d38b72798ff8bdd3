// Box proposals against the true boxes of demo photos the method was not tuned on (another
// seed): mean IoU of the untrained proposal, of the whole photo (what import did before), and
// the time per photo. Usage: npx tsx bench/boxes.ts [--photos 200] [--seed 7]
import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import sharp from 'sharp'
import { iou } from '../src/main/boxes/iou'
import { proposeBox } from '../src/main/boxes/propose-box'
import { generateDemoDataset } from '../src/main/demo'

const { values } = parseArgs({
  options: { photos: { type: 'string', default: '200' }, seed: { type: 'string', default: '7' } }
})
const perIndividual = 5
const demo = await generateDemoDataset({
  outDir: join(await mkdtemp(join(tmpdir(), 'fp-bench-boxes-')), 'demo'),
  individuals: Math.ceil(Number(values.photos) / perIndividual),
  photosPerIndividual: perIndividual,
  seed: Number(values.seed),
  orientationSixEvery: 4
})
let proposed = 0
let whole = 0
let none = 0
let ms = 0
for (const photo of demo.photos) {
  const upright = await sharp(join(demo.dir, photo.file)).autoOrient().jpeg().toBuffer()
  const { width = 0, height = 0 } = await sharp(upright).metadata()
  const started = performance.now()
  const box = await proposeBox(upright, { width, height })
  ms += performance.now() - started
  const full = { x: 0, y: 0, width, height }
  if (!box) none += 1
  proposed += iou(box ?? full, photo.box)
  whole += iou(full, photo.box)
}
const n = demo.photos.length
console.log(
  JSON.stringify({
    photos: n,
    seed: Number(values.seed),
    proposalMeanIoU: +(proposed / n).toFixed(3),
    wholePhotoMeanIoU: +(whole / n).toFixed(3),
    noProposal: none,
    msPerPhoto: +(ms / n).toFixed(1)
  })
)
