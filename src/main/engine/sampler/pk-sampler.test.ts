import { describe, expect, it } from 'vitest'
import { PKSampler, TOO_FEW_INDIVIDUALS } from './pk-sampler'

// 10 whales with 1..10 photos each, plus unassigned and new_whale photos mixed in.
const LABELS: Array<string | null> = []
for (let w = 0; w < 10; w++) {
  for (let i = 0; i <= w; i++) LABELS.push(`w${w}`)
  LABELS.push(w % 2 ? null : 'new_whale')
}

function take(sampler: PKSampler, steps: number) {
  return Array.from({ length: steps }, () => sampler.next())
}

describe('PKSampler', () => {
  it('replays the same batches for the same seed, and others for another seed', () => {
    const a = take(new PKSampler(LABELS, { P: 3, K: 4, seed: 1 }), 12)
    const b = take(new PKSampler(LABELS, { P: 3, K: 4, seed: 1 }), 12)
    const c = take(new PKSampler(LABELS, { P: 3, K: 4, seed: 2 }), 12)
    expect(a).toEqual(b)
    expect(a).not.toEqual(c)
  })

  it('sees every individual in each epoch of epochSize steps, P x K rows per batch', () => {
    const sampler = new PKSampler(LABELS, { P: 3, K: 4, seed: 5 })
    expect(sampler.epochSize).toBe(4) // ceil(10 / 3)
    for (let epoch = 0; epoch < 3; epoch++) {
      const seen = new Set<number>()
      for (const batch of take(sampler, sampler.epochSize)) {
        expect(batch.epoch).toBe(epoch)
        expect(batch.items).toHaveLength(12)
        expect(new Set(batch.classIds).size).toBe(3)
        batch.classIds.forEach((c) => seen.add(c))
      }
      expect(seen.size).toBe(10)
    }
  })

  it('never uses an unassigned or new_whale photo, and labels rows with the right class', () => {
    const sampler = new PKSampler(LABELS, { P: 4, K: 3, seed: 9 })
    for (const batch of take(sampler, 20)) {
      batch.items.forEach((item, row) => {
        const label = LABELS[item]
        expect(label).not.toBeNull()
        expect(label).not.toBe('new_whale')
        expect(sampler.classNames[batch.classIds[row] ?? -1]).toBe(label)
      })
    }
  })

  it('repeats photos to make K copies, using each photo before repeating one', () => {
    const sampler = new PKSampler(LABELS, { P: 10, K: 4, seed: 3 })
    const batch = sampler.next()
    const byClass = new Map<string, number[]>()
    batch.items.forEach((item, row) => {
      const name = sampler.classNames[batch.classIds[row] ?? -1] ?? ''
      byClass.set(name, [...(byClass.get(name) ?? []), item])
    })
    expect(byClass.get('w0')).toHaveLength(4)
    expect(new Set(byClass.get('w0')).size).toBe(1) // one photo, four augmented copies
    expect(new Set(byClass.get('w2')).size).toBe(3) // three photos, one of them twice
    expect(new Set(byClass.get('w9')).size).toBe(4) // ten photos: four distinct
  })

  it('caps P at the number of individuals', () => {
    const sampler = new PKSampler(['a', 'b', 'b', null], { P: 8, K: 2, seed: 0 })
    expect(sampler.epochSize).toBe(1)
    expect(sampler.next().items).toHaveLength(4)
  })

  it('refuses to train with fewer than 2 individuals, and bad P or K', () => {
    expect(() => new PKSampler(['a', 'a', null, 'new_whale'], { P: 2, K: 2, seed: 0 })).toThrow(
      TOO_FEW_INDIVIDUALS
    )
    expect(() => new PKSampler([], { P: 2, K: 2, seed: 0 })).toThrow(TOO_FEW_INDIVIDUALS)
    expect(() => new PKSampler(['a', 'b'], { P: 1, K: 2, seed: 0 })).toThrow(/P must be/)
    expect(() => new PKSampler(['a', 'b'], { P: 2, K: 1.5, seed: 0 })).toThrow(/K must be/)
  })
})

describe('PKSampler must-differ pairs', () => {
  // 40 whales of 3 photos: items 3w..3w+2 are whale w; item 120 is unassigned.
  const labels: Array<string | null> = Array.from(
    { length: 120 },
    (_, i) => `w${Math.floor(i / 3)}`
  )
  labels.push(null)

  it('puts the other side of a pair in the same batch, with the very photo marked', () => {
    const pairs = [[4, 100] as const] // a photo of w1 vs a photo of w33
    const sampler = new PKSampler(labels, { P: 4, K: 2, seed: 11, mustDiffer: pairs })
    const w1 = sampler.classNames.indexOf('w1')
    const w33 = sampler.classNames.indexOf('w33')
    for (const batch of take(sampler, sampler.epochSize * 3)) {
      const has1 = batch.classIds.includes(w1)
      expect(batch.classIds.includes(w33)).toBe(has1)
      if (has1) expect(batch.items).toEqual(expect.arrayContaining([4, 100]))
    }
  })

  it('gives an unassigned photo its own pseudo-class of K copies beside its partner', () => {
    const sampler = new PKSampler(labels, { P: 4, K: 3, seed: 2, mustDiffer: [[120, 7]] })
    const w2 = sampler.classNames.indexOf('w2')
    const pseudo = sampler.classNames.length + 120
    let met = 0
    for (const batch of take(sampler, sampler.epochSize * 2)) {
      expect(batch.classIds.includes(pseudo)).toBe(batch.classIds.includes(w2))
      if (!batch.classIds.includes(pseudo)) continue
      met++
      const rows = batch.items.filter((_, r) => batch.classIds[r] === pseudo)
      expect(rows).toEqual([120, 120, 120])
      expect(batch.items).toContain(7)
      expect(batch.items).toHaveLength(12)
    }
    expect(met).toBeGreaterThanOrEqual(2) // once per epoch at least
  })

  it('reports pairs it cannot use, and rejects items that do not exist', () => {
    const sampler = new PKSampler(labels, { P: 4, K: 2, seed: 0, mustDiffer: [[0, 1]] })
    expect(sampler.ignoredPairs).toEqual([{ pair: [0, 1], reason: 'same individual' }])
    const withNull = [...labels, null]
    const both = new PKSampler(withNull, { P: 4, K: 2, seed: 0, mustDiffer: [[120, 121]] })
    expect(both.ignoredPairs[0]?.reason).toBe('both unassigned')
    expect(() => new PKSampler(labels, { P: 4, K: 2, seed: 0, mustDiffer: [[0, 500]] })).toThrow(
      /not one of the 121 items/
    )
  })
})
