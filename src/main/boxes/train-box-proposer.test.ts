import { readdir } from 'node:fs/promises'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/fixtures/images'
import { testContext } from '../../../tests/fixtures/run-job'
import { Catalog } from '../catalog/catalog'
import { generateDemoDataset, type DemoDataset } from '../demo'
import { folderImportRequest } from '../import/import-requests'
import { runImport } from '../import/importer'
import { boxProposalQuality } from './proposal-quality'
import { PROPOSERS_DIR } from './proposer-store'
import { trainBoxProposer } from './train-box-proposer'

let demo: DemoDataset

/** A catalogue of demo photos whose boxes a biologist has checked (set to the true boxes). */
async function checkedCatalogue(): Promise<Catalog> {
  const catalog = await Catalog.open(await tempDir(), { create: true })
  await runImport(catalog, await folderImportRequest(demo.imagesDir), testContext().context)
  const truth = new Map(demo.photos.map((p) => [p.file.split('/').pop(), p.box]))
  await catalog.update((data) => {
    for (const annotation of data.annotations) {
      const photo = data.photos.find((p) => p.id === annotation.photoId)
      const box = truth.get(photo?.fileName)
      if (box) Object.assign(annotation, { box: { ...box }, source: 'corrected' })
    }
  })
  return catalog
}

beforeAll(async () => {
  demo = await generateDemoDataset({
    outDir: join(await tempDir(), 'demo'),
    individuals: 16,
    photosPerIndividual: 5,
    newPhotos: 6,
    seed: 11,
    orientationSixEvery: 4
  })
}, 120_000)

describe('learning box proposals from checked boxes', () => {
  it(
    'fits a proposer, scores it on held-out boxes and proposes new imports with it',
    { timeout: 120_000 },
    async () => {
      const catalog = await checkedCatalogue()
      expect(boxProposalQuality(catalog.data)).toMatchObject({
        inUse: 'untrained',
        checkedBoxes: 80,
        latest: null
      })
      const started = performance.now()
      const outcome = await trainBoxProposer(catalog, testContext().context)
      expect(performance.now() - started).toBeLessThan(60_000)
      const version = catalog.data.boxProposers[0]
      expect(version).toMatchObject({ id: outcome.boxProposerId, trainedOn: 60, heldOut: 20 })
      expect(version?.learnedIoU).toBeGreaterThan(version?.untrainedIoU ?? 1)
      expect(outcome.inUse).toBe(true)
      expect(catalog.data.boxProposerId).toBe(outcome.boxProposerId)
      expect(await readdir(join(catalog.dir, PROPOSERS_DIR))).toEqual([version?.file])
      expect(boxProposalQuality(catalog.data)).toMatchObject({
        inUse: outcome.boxProposerId,
        latest: { heldOut: 20, learnedIoU: version?.learnedIoU }
      })

      await runImport(catalog, await folderImportRequest(demo.newDir), testContext().context)
      const fresh = catalog.data.annotations.filter((a) => a.source !== 'corrected')
      expect(fresh).toHaveLength(6)
      for (const a of fresh) expect(a.proposedBy).toBe(`learned:${outcome.boxProposerId}`)
      // The earlier import's boxes keep the name of the method that proposed them.
      expect(catalog.data.annotations[0]?.proposedBy).toBe('untrained')

      const reopened = await Catalog.open(catalog.dir, { create: false, readOnly: true })
      expect(reopened.data.boxProposerId).toBe(outcome.boxProposerId)
    }
  )

  it('changes nothing when the run is cancelled', { timeout: 120_000 }, async () => {
    const catalog = await checkedCatalogue()
    const before = JSON.stringify(catalog.data)
    // Cancelled once every box is read, while it fits: just before anything is written.
    const run = testContext((current, total) => {
      if (total > 0 && current === total) run.cancel()
    })
    const { context } = run
    await expect(trainBoxProposer(catalog, context)).rejects.toThrow()
    expect(JSON.stringify(catalog.data)).toBe(before)
    await expect(readdir(join(catalog.dir, PROPOSERS_DIR))).rejects.toThrow()
  })

  it('asks for more checked boxes when there are too few', async () => {
    const catalog = await Catalog.open(await tempDir(), { create: true })
    await expect(trainBoxProposer(catalog, testContext().context)).rejects.toThrow(
      /Not enough checked boxes.*0 photo/
    )
  })
})
