// The crash harness shared by the short test run (tests/crash/*.test.ts) and the long one
// (bench/crash.ts): start a child that imports, decides or trains, SIGKILL it at a random
// moment, then check the catalogue on disk against what the child had acknowledged.
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { Catalog } from '../../src/main/catalog/catalog'
import { loadModel } from '../../src/main/engine/store/model-files'
import { generateDemoDataset } from '../../src/main/demo'
import { kaggleImportRequest, folderImportRequest } from '../../src/main/import/import-requests'
import { runImport } from '../../src/main/import/importer'
import { testContext } from '../fixtures/run-job'
import { writePhoto } from '../fixtures/images'

const root = join(import.meta.dirname, '../..')
const childScript = join(root, 'tests/crash/crash-child.ts')

export type Mode = 'decide' | 'train'

/** Everything a child acknowledged, over all its runs on one catalogue. */
export class Acks {
  readonly decisions = new Map<string, { verdict: string; query: string; individual: string }>()
  readonly undone = new Set<string>()
  readonly models = new Set<string>()
  current: string | null = null

  add(line: string): void {
    const what = JSON.parse(line.slice('ack '.length)) as Record<string, string>
    const id = what.id ?? ''
    if (what.op === 'decide') {
      this.decisions.set(id, {
        verdict: what.verdict ?? '',
        query: what.query ?? '',
        individual: what.individual ?? ''
      })
    } else if (what.op === 'undo') this.undone.add(id)
    else if (what.op === 'model') this.models.add(id)
    else if (what.op === 'current') this.current = id
  }
}

export interface KillPlan {
  /** Acks to wait for after "ready" before the delay starts (0: from "ready"). */
  afterAcks: number
  delayMs: number
}

export interface KilledRun {
  killed: boolean
  acks: number
  /** The child's last lines, for a failure message. */
  tail: string
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Runs the child on `dir` and kills it with SIGKILL as `plan` says; acks go into `acks`. */
export async function runUntilKilled(
  mode: Mode,
  dir: string,
  seed: number,
  plan: KillPlan,
  acks: Acks,
  env: Record<string, string> = {}
): Promise<KilledRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, mode, dir, String(seed)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env }
  })
  let buffer = ''
  let ready = false
  let count = 0
  const lines: string[] = []
  const onLine = (line: string) => {
    lines.push(line)
    if (lines.length > 20) lines.shift()
    if (line === 'ready') ready = true
    if (line.startsWith('ack ')) {
      acks.add(line)
      count += 1
    }
  }
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString()
    let newline
    while ((newline = buffer.indexOf('\n')) >= 0) {
      onLine(buffer.slice(0, newline))
      buffer = buffer.slice(newline + 1)
    }
  })
  child.stderr.on('data', (chunk: Buffer) => lines.push(chunk.toString().trim().slice(0, 300)))
  let exited = false
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true
      resolve()
    })
  )
  while (!exited && (!ready || count < plan.afterAcks)) await sleep(10)
  if (!exited) await sleep(plan.delayMs)
  const killed = !exited
  if (killed) child.kill('SIGKILL')
  await exit
  // Lines the child wrote before it died are still in the pipe.
  await sleep(20)
  return { killed, acks: count, tail: lines.join('\n') }
}

/** Opens the catalogue as the app would (validation included); problems found, if any. */
export async function verify(mode: Mode, dir: string, acks: Acks): Promise<string[]> {
  let catalog: Catalog
  try {
    catalog = await Catalog.open(dir, { create: false })
  } catch (error) {
    return [`the catalogue does not open: ${(error as Error).message}`]
  }
  try {
    return mode === 'decide' ? decisionProblems(catalog, acks) : await modelProblems(catalog, acks)
  } finally {
    await catalog.close()
  }
}

function decisionProblems(catalog: Catalog, acks: Acks): string[] {
  const { decisions, annotations } = catalog.data
  const problems: string[] = []
  const byId = new Map(decisions.map((d) => [d.id, d]))
  for (const [id, acked] of acks.decisions) {
    const found = byId.get(id)
    if (!found) problems.push(`acknowledged decision ${id} (${acked.verdict}) is lost`)
    else if (found.verdict !== acked.verdict || found.queryAnnotationId !== acked.query)
      problems.push(`decision ${id} changed`)
  }
  for (const id of acks.undone) {
    if (byId.get(id)?.undoneAt === null) problems.push(`acknowledged undo of ${id} is lost`)
  }
  // Whatever was written, it is consistent: a decision in force that assigned a fluke still
  // has that fluke on that individual.
  for (const decision of decisions) {
    if (decision.undoneAt !== null || !decision.assignmentId) continue
    const annotation = annotations.find((a) => a.id === decision.queryAnnotationId)
    if (annotation?.individualId !== decision.candidateIndividualId)
      problems.push(`decision ${decision.id} in force but its fluke is elsewhere`)
  }
  return problems
}

async function modelProblems(catalog: Catalog, acks: Acks): Promise<string[]> {
  const { models, currentModelId } = catalog.data
  const problems: string[] = []
  for (const id of acks.models) {
    if (!models.some((m) => m.id === id)) problems.push(`acknowledged model ${id} is lost`)
  }
  if (acks.current && !currentModelId) problems.push('the current model was lost')
  if (currentModelId && !models.some((m) => m.id === currentModelId))
    problems.push(`the current model ${currentModelId} is not in the catalogue`)
  // Every model the catalogue names loads, the current one included, and is the one named.
  for (const version of models) {
    try {
      const { model, record } = await loadModel(join(catalog.dir, 'models', version.dir))
      model.dispose()
      if (record.id !== version.id) problems.push(`model ${version.id} loads as ${record.id}`)
    } catch (error) {
      problems.push(`model ${version.id} does not load: ${(error as Error).message}`)
    }
  }
  return problems
}

/** A catalogue of `photos` unassigned flukes to decide on. */
export async function decisionCatalogue(dir: string, photos: number): Promise<void> {
  const folder = join(dir, 'photos')
  for (let i = 0; i < photos; i++) {
    await writePhoto(join(folder, `IMG_${i}.jpg`), { seed: i + 1, width: 96, height: 64 })
  }
  const catalogDir = join(dir, 'catalogue')
  const catalog = await Catalog.open(catalogDir, { create: true })
  await runImport(catalog, await folderImportRequest(folder), testContext().context)
  await catalog.close()
}

/** A small labelled demo catalogue: enough whales seen twice to train on. */
export async function trainingCatalogue(dir: string, individuals = 6): Promise<void> {
  const photos = join(dir, 'photos')
  await generateDemoDataset({
    outDir: photos,
    individuals,
    photosPerIndividual: [2, 3],
    newPhotos: 0,
    seed: 7
  })
  const catalog = await Catalog.open(join(dir, 'catalogue'), { create: true })
  await runImport(
    catalog,
    await kaggleImportRequest(join(photos, 'train.csv'), join(photos, 'images')),
    testContext().context
  )
  await catalog.close()
}

/** Runs `flukeprint import` on `folder` into `catalogDir` and kills it after `delayMs`. */
export async function importUntilKilled(
  catalogDir: string,
  folder: string,
  delayMs: number
): Promise<{ killed: boolean; code: number | null }> {
  const cli = join(root, 'bin/flukeprint.js')
  const child = spawn(
    process.execPath,
    [cli, 'import', '--catalog', catalogDir, '--folder', folder],
    {
      stdio: 'ignore'
    }
  )
  let code: number | null = null
  let exited = false
  const exit = new Promise<void>((resolve) =>
    child.on('exit', (status) => {
      exited = true
      code = status
      resolve()
    })
  )
  await Promise.race([exit, sleep(delayMs)])
  const killed = !exited
  if (killed) child.kill('SIGKILL')
  await exit
  return { killed, code }
}

/** After a killed import: the catalogue opens and holds whole records only. */
export async function verifyImport(
  catalogDir: string
): Promise<{ photos: number; problems: string[] }> {
  const { stat } = await import('node:fs/promises')
  const { cachedImagePath } = await import('../../src/main/images/thumbnails')
  const { THUMB_SIZE } = await import('../../src/main/images/limits')
  if (!(await stat(join(catalogDir, 'catalog.json')).catch(() => null))) {
    return { photos: 0, problems: [] }
  }
  let catalog: Catalog
  try {
    catalog = await Catalog.open(catalogDir, { create: false })
  } catch (error) {
    return { photos: 0, problems: [`the catalogue does not open: ${(error as Error).message}`] }
  }
  const problems: string[] = []
  const { photos, annotations, sightings, batches } = catalog.data
  for (const photo of photos) {
    if (annotations.filter((a) => a.photoId === photo.id).length !== 1)
      problems.push(`photo ${photo.fileName} without its one annotation`)
    if (!sightings.some((s) => s.id === photo.sightingId))
      problems.push(`photo ${photo.fileName} without its sighting`)
    const thumb = await stat(cachedImagePath(catalog.thumbsDir, photo.hash, THUMB_SIZE)).catch(
      () => null
    )
    if (!thumb?.size) problems.push(`photo ${photo.fileName} without its thumbnail`)
  }
  if (batches.some((b) => b.state === 'running')) problems.push('a batch is left running')
  await catalog.close()
  return { photos: photos.length, problems }
}
