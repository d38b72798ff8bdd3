// Splits a Kaggle-layout folder by identity into train/ and test/ (whole whales on one side),
// with symlinked images, so Flukeprint and the PyTorch reference train and score on the same
// split. Usage: npx tsx bench/split-dataset.ts --data DIR --out DIR [--test 0.2] [--seed 0]
import { mkdir, symlink, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { identitySplit } from '../src/main/engine/eval'
import { readKaggleCsv } from '../src/main/import/kaggle-csv'

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string' },
    test: { type: 'string', default: '0.2' },
    seed: { type: 'string', default: '0' }
  }
})
if (!values.data || !values.out)
  throw new Error('usage: --data DIR --out DIR [--test 0.2] [--seed 0]')
const data = resolve(values.data)
const table = await readKaggleCsv(join(data, 'train.csv'), join(data, 'images'))
const labels = table.files.map((f) => f.individual)
const split = identitySplit(labels, Number(values.test), Number(values.seed))
for (const [side, indices] of [
  ['train', split.train],
  ['test', split.test]
] as const) {
  const dir = join(resolve(values.out), side)
  await mkdir(join(dir, 'images'), { recursive: true })
  const rows = ['Image,Id']
  for (const i of indices) {
    const file = table.files[i]
    if (!file) continue
    rows.push(`${file.display},${file.individual ?? 'new_whale'}`)
    await symlink(file.path, join(dir, 'images', file.display)).catch(() => undefined)
  }
  await writeFile(join(dir, 'train.csv'), `${rows.join('\n')}\n`)
  console.log(
    `${side}: ${indices.length} images, ${new Set(indices.map((i) => labels[i])).size} identities -> ${dir}`
  )
}
