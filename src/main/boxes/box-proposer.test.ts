import { writeFile } from 'node:fs/promises'
import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../../tests/fixtures/images'
import { emptyCatalog } from '../catalog/catalog'
import { loadBoxProposer, untrainedProposer } from './box-proposer'
import { proposerPath, writeProposer } from './proposer-store'

const version = {
  id: 'boxes-1',
  createdAt: 't',
  file: 'boxes-1.json',
  trainedOn: 30,
  heldOut: 10,
  learnedIoU: 0.9,
  untrainedIoU: 0.8
}

/** A dark shape on a plain sea, with a thin bright line from the left edge into it. */
async function photo(): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="256" height="160">
    <rect width="256" height="160" fill="rgb(40,80,120)"/>
    <rect x="80" y="50" width="100" height="60" fill="rgb(20,20,20)"/>
    <rect x="0" y="60" width="120" height="2" fill="white"/></svg>`
  return sharp(Buffer.from(svg)).jpeg().toBuffer()
}

describe('the box proposer used at import', () => {
  it('is the untrained method until a learned one is in use', async () => {
    const dir = await tempDir()
    expect(await loadBoxProposer(dir, emptyCatalog())).toBe(untrainedProposer)
    const proposal = await untrainedProposer.propose(await photo(), { width: 2560, height: 1600 })
    expect(proposal.proposedBy).toBe('untrained')
  })

  it('proposes with the learned proposer in use and names it', async () => {
    const dir = await tempDir()
    await writeProposer(dir, version.file, {
      columnShare: 0.25,
      rowShare: 0,
      gap: 1,
      offsets: [0, 0, 0, 0]
    })
    const data = { ...emptyCatalog(), boxProposers: [version], boxProposerId: version.id }
    const proposer = await loadBoxProposer(dir, data)
    const size = { width: 2560, height: 1600 }
    const learned = await proposer.propose(await photo(), size)
    const untrained = await untrainedProposer.propose(await photo(), size)
    expect(learned.proposedBy).toBe('learned:boxes-1')
    // The line joins the shape: the untrained box runs to the left edge, the learned one does not.
    expect(untrained.box?.x).toBeLessThan(100)
    expect(untrained.box?.width).toBeGreaterThan(1600)
    expect(learned.box?.x).toBeGreaterThan(700)
    expect(learned.box?.width).toBeLessThan(1200)
  })

  it('falls back to the untrained method when the file is damaged', async () => {
    const dir = await tempDir()
    await writeProposer(dir, version.file, {
      columnShare: 0.1,
      rowShare: 0,
      gap: 1,
      offsets: [0, 0, 0, 0]
    })
    await writeFile(proposerPath(dir, version.file), '{"format": "something else"}')
    const data = { ...emptyCatalog(), boxProposers: [version], boxProposerId: version.id }
    expect(await loadBoxProposer(dir, data)).toBe(untrainedProposer)
  })
})
