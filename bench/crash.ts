// The long crash-safety run: SIGKILL an import, the review and retraining at random moments,
// many times, and check the catalogue after every kill (tests/crash/harness.ts). Usage:
//   npx tsx bench/crash.ts [--import N] [--decide N] [--train N]
// Defaults: 40 + 40 + 25 kills. Prints every failure and a summary; exits 1 if any failed.
import { mkdir, rm } from 'node:fs/promises'
import { cpus, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { writePhoto } from '../tests/fixtures/images'
import {
  Acks,
  decisionCatalogue,
  importUntilKilled,
  runUntilKilled,
  trainingCatalogue,
  verify,
  verifyImport,
  type Mode
} from '../tests/crash/harness'

const { values } = parseArgs({
  options: {
    import: { type: 'string', default: '40' },
    decide: { type: 'string', default: '40' },
    train: { type: 'string', default: '25' }
  }
})

let seed = 20261130
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
const work = join(tmpdir(), `flukeprint-crash-${process.pid}`)
const summary: { kind: string; kills: number; failures: number; seconds: number; note: string }[] =
  []

async function importKills(kills: number): Promise<void> {
  const started = Date.now()
  const folder = join(work, 'import-photos')
  for (let i = 0; i < 240; i++) {
    await writePhoto(join(folder, `roll${i % 4}`, `IMG_${i}.jpg`), {
      seed: i + 1,
      width: 480,
      height: 320
    })
  }
  let catalogue = join(work, 'import-0')
  let done = 0
  let failures = 0
  let finished = 0
  let before = 0
  while (done < kills) {
    // tsx starts in about a second; kill anywhere from start-up to deep into the import.
    const run = await importUntilKilled(catalogue, folder, 300 + random() * 4000)
    const { photos, problems } = await verifyImport(catalogue)
    if (photos < before) problems.push(`photos went from ${before} to ${photos}`)
    before = photos
    if (run.killed) done += 1
    if (problems.length) {
      failures += 1
      console.log(`import kill ${done}: ${problems.join('; ')}`)
    }
    if (!run.killed) {
      // The import finished between kills: start again on a new catalogue.
      finished += 1
      catalogue = join(work, `import-${finished}`)
      before = 0
    }
  }
  summary.push({
    kind: 'import (240 photos, CLI)',
    kills: done,
    failures,
    seconds: (Date.now() - started) / 1000,
    note: `${finished} imports ran to the end between kills`
  })
}

async function childKills(mode: Mode, kills: number): Promise<void> {
  const started = Date.now()
  const dir = join(work, mode)
  await mkdir(dir, { recursive: true })
  if (mode === 'decide') await decisionCatalogue(dir, 40)
  else await trainingCatalogue(dir)
  const catalogue = join(dir, 'catalogue')
  const acks = new Acks()
  let failures = 0
  let done = 0
  let attempts = 0
  while (done < kills) {
    attempts += 1
    const plan =
      mode === 'decide'
        ? { afterAcks: Math.floor(random() * 8), delayMs: random() * 200 }
        : { afterAcks: random() < 0.3 ? 0 : 1, delayMs: random() * 4000 }
    const run = await runUntilKilled(mode, catalogue, attempts, plan, acks)
    if (run.killed) done += 1
    else console.log(`${mode}: the child stopped by itself:\n${run.tail}`)
    const problems = await verify(mode, catalogue, acks)
    if (problems.length || !run.killed) {
      failures += 1
      console.log(`${mode} kill ${done}: ${problems.join('; ')}`)
    }
    if (attempts > kills * 2) break
  }
  summary.push({
    kind:
      mode === 'decide'
        ? 'review decisions and undo'
        : 'retraining (1.8 s runs) and switching model',
    kills: done,
    failures,
    seconds: (Date.now() - started) / 1000,
    note:
      mode === 'decide'
        ? `${acks.decisions.size} decisions and ${acks.undone.size} undos acknowledged, all found`
        : `${acks.models.size} models acknowledged, all load`
  })
}

await mkdir(work, { recursive: true })
try {
  await importKills(Number(values.import))
  await childKills('decide', Number(values.decide))
  await childKills('train', Number(values.train))
} finally {
  await rm(work, { recursive: true, force: true })
}
console.log(`\nmachine: ${cpus().length} x ${cpus()[0]?.model ?? '?'}, node ${process.version}`)
console.log('| What was killed | Kills | Failures | Time | Notes |')
console.log('|---|---|---|---|---|')
for (const row of summary) {
  console.log(
    `| ${row.kind} | ${row.kills} | ${row.failures} | ${Math.round(row.seconds)} s | ${row.note} |`
  )
}
const total = summary.reduce((sum, row) => sum + row.kills, 0)
const failed = summary.reduce((sum, row) => sum + row.failures, 0)
console.log(`\n${total} kills, ${failed} failures`)
process.exitCode = failed ? 1 : 0
