import { describe, expect, it } from 'vitest'
import { evaluateQueries } from './evaluate-queries'
import { identitySplit, validationSplit } from './splits'

// 30 whales with 1..5 photos, and unknown photos between them.
const LABELS: Array<string | null> = []
for (let w = 0; w < 30; w++) {
  for (let p = 0; p <= w % 5; p++) LABELS.push(`w${w}`)
  LABELS.push(w % 3 ? null : 'new_whale')
}
const whalesOf = (items: number[]) => new Set(items.map((i) => LABELS[i]))

describe('identitySplit', () => {
  it('sends whole whales to one side, deterministically, unknown photos aside', () => {
    const a = identitySplit(LABELS, 0.3, 4)
    expect(identitySplit(LABELS, 0.3, 4)).toEqual(a)
    expect(identitySplit(LABELS, 0.3, 5)).not.toEqual(a)
    expect(whalesOf(a.test).size).toBe(9)
    for (const w of whalesOf(a.test)) expect(whalesOf(a.train).has(w)).toBe(false)
    expect([...a.train, ...a.test, ...a.unknown].sort((x, y) => x - y)).toEqual(
      LABELS.map((_, i) => i)
    )
    expect(a.unknown.every((i) => LABELS[i] === null || LABELS[i] === 'new_whale')).toBe(true)
    expect(identitySplit(LABELS, 0, 1).test).toEqual([])
    expect(() => identitySplit(LABELS, 1.5, 1)).toThrow(/fraction/)
  })
})

describe('validationSplit', () => {
  const split = validationSplit(LABELS, { fraction: 0.5, heldOutShare: 0.5, seed: 2 })

  it('never leaks: queries are not trained on, and are not in the gallery', () => {
    const train = new Set(split.train)
    const gallery = new Set(split.gallery)
    for (const q of split.queries) {
      expect(train.has(q)).toBe(false)
      expect(gallery.has(q)).toBe(false)
      expect(whalesOf(split.train).has(LABELS[q])).toBe(false)
    }
    expect(split.gallery).toEqual(expect.arrayContaining(split.train))
  })

  it('one query per validation whale; held-out whales are absent from the gallery', () => {
    const queryWhales = split.queries.map((q) => LABELS[q] as string)
    expect(new Set(queryWhales).size).toBe(queryWhales.length)
    expect(queryWhales.length).toBe(15)
    const galleryWhales = whalesOf(split.gallery)
    for (const w of queryWhales) expect(galleryWhales.has(w)).toBe(!split.heldOut.includes(w))
    // Whales with one photo cannot be known queries: they are always held out.
    for (const w of queryWhales) {
      if (LABELS.filter((l) => l === w).length === 1) expect(split.heldOut).toContain(w)
    }
    expect(validationSplit(LABELS, { fraction: 0.5, heldOutShare: 0.5, seed: 2 })).toEqual(split)
  })

  it('scores with evaluateQueries: perfect embeddings find known whales and flag the others', () => {
    // One direction per whale: a query's best match is its own whale when it is in the gallery.
    const ids = [...new Set(LABELS.filter((l): l is string => l !== null && l !== 'new_whale'))]
    const vectors = LABELS.map((l) => {
      const v = new Float32Array(ids.length + 1)
      v[l === null || l === 'new_whale' ? ids.length : ids.indexOf(l)] = 1
      return v
    })
    const labels = LABELS.map((l) => l ?? 'new_whale')
    const report = evaluateQueries(vectors, labels, split)
    expect(report.queries + report.newQueries).toBe(split.queries.length)
    expect(report.newQueries).toBe(split.heldOut.length)
    expect([report.map5, report.top1]).toEqual([1, 1])
    expect(report.newWhale).toMatchObject({ map5: 1, precision: 1, recall: 1 })
    const overlap = { queries: [split.queries[0] ?? 0], gallery: [split.queries[0] ?? 0] }
    expect(() => evaluateQueries(vectors, labels, overlap)).toThrow(
      /both a query and in the gallery/
    )
  })
})
