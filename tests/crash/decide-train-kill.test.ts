// kill -9 the review and the retraining at random moments: after every kill the catalogue
// opens and validates, every decision and undo acknowledged before the kill is on disk, and
// every model the catalogue names (the current one included) loads as itself. The long run
// is bench/crash.ts; FLUKEPRINT_CRASH_KILLS sets the kills per kind here.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../fixtures/images'
import { Acks, decisionCatalogue, runUntilKilled, trainingCatalogue, verify } from './harness'

const KILLS = Number(process.env.FLUKEPRINT_CRASH_KILLS ?? 3)
// Each training kill costs a process start with the engine (several seconds): fewer here.
const TRAIN_KILLS = Math.max(2, Math.round(KILLS * 0.7))

let seed = 4242
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31

describe('review decisions killed with SIGKILL', () => {
  it(`keep every acknowledged decision, ${KILLS} kills`, { timeout: 180_000 }, async () => {
    const dir = await tempDir()
    await decisionCatalogue(dir, 30)
    const catalogue = join(dir, 'catalogue')
    const acks = new Acks()
    for (let kill = 0; kill < KILLS; kill++) {
      const run = await runUntilKilled(
        'decide',
        catalogue,
        kill + 1,
        { afterAcks: Math.floor(random() * 5), delayMs: random() * 150 },
        acks
      )
      expect(run.killed, run.tail).toBe(true)
      expect(await verify('decide', catalogue, acks)).toEqual([])
    }
    // The kills landed while decisions were being written, or this proves nothing.
    expect(acks.decisions.size).toBeGreaterThan(KILLS)
  })
})

describe('retraining killed with SIGKILL', () => {
  it(
    `keeps the catalogue and its current model whole, ${TRAIN_KILLS} kills`,
    { timeout: 300_000 },
    async () => {
      const dir = await tempDir()
      await trainingCatalogue(dir)
      const catalogue = join(dir, 'catalogue')
      const acks = new Acks()
      for (let kill = 0; kill < TRAIN_KILLS; kill++) {
        // The first run is killed anywhere in its start or its first model; later ones after
        // a model, inside the next training, its save, or the embedding and switch after it.
        const plan =
          kill === 0
            ? { afterAcks: 0, delayMs: random() * 4000 }
            : { afterAcks: 1, delayMs: random() * 2500 }
        const run = await runUntilKilled('train', catalogue, kill + 1, plan, acks)
        expect(run.killed, run.tail).toBe(true)
        expect(await verify('train', catalogue, acks)).toEqual([])
      }
      expect(acks.current).not.toBeNull()
    }
  )
})
