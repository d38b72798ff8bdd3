import { describe, expect, it } from 'vitest'
import { individualLabel, planDataset } from './plan-dataset'

describe('planDataset', () => {
  it('plans the requested photos with unique names and every Nth turned', () => {
    const plan = planDataset(
      {
        outDir: '',
        individuals: 12,
        photosPerIndividual: 5,
        newPhotos: 7,
        newWhales: 3,
        orientationSixEvery: 4
      },
      9
    )
    expect(plan).toHaveLength(12 * 5 + 7 + 3)
    expect(new Set(plan.map((p) => p.file)).size).toBe(plan.length)
    expect(
      plan.filter((p) => p.split === 'labelled').every((p) => p.file.startsWith('images/'))
    ).toBe(true)
    expect(plan.filter((p) => p.split === 'new').every((p) => p.file.startsWith('new/'))).toBe(true)
    expect(plan.filter((p) => p.orientation === 6).map((p) => p.index)).toEqual(
      plan.map((p) => p.index).filter((i) => (i + 1) % 4 === 0)
    )
    // Unknown whales are distinct identities beyond the labelled ones.
    const unknown = plan.filter((p) => p.individual === 'new_whale').map((p) => p.identityIndex)
    expect(unknown).toEqual([12, 13, 14])
  })

  it('draws per-individual counts from the range and is stable for a seed', () => {
    const options = { outDir: '', individuals: 20, photosPerIndividual: [2, 4] as [number, number] }
    const plan = planDataset(options, 3)
    expect(planDataset(options, 3)).toEqual(plan)
    expect(planDataset(options, 4)).not.toEqual(plan)
    for (let i = 0; i < 20; i++) {
      const n = plan.filter((p) => p.identityIndex === i).length
      expect(n).toBeGreaterThanOrEqual(2)
      expect(n).toBeLessThanOrEqual(4)
    }
  })

  it('labels individuals with zero-padded ids and rejects nonsense counts', () => {
    expect(individualLabel(0, 12)).toBe('demo_whale_01')
    expect(individualLabel(104, 150)).toBe('demo_whale_105')
    expect(() => planDataset({ outDir: '', individuals: 2.5, photosPerIndividual: 1 }, 1)).toThrow(
      RangeError
    )
    expect(() =>
      planDataset({ outDir: '', individuals: 0, photosPerIndividual: 1, newPhotos: 1 }, 1)
    ).toThrow(RangeError)
  })
})
