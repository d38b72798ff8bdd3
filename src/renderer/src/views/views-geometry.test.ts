import { describe, expect, it } from 'vitest'
import type { ModelSummary } from '@shared/contract'
import { colourOf, UNASSIGNED_COLOUR } from './colours'
import { LAND } from './land'
import { fittedProjection, landPath, paddedExtent } from './map-frame'
import { scoreSeries, seriesPath } from './score-series'
import { timeScale } from './timeline-scale'

describe('sightings map frame', () => {
  const gulfOfMaine = [
    { lat: 42.35, lon: -70.3 },
    { lat: 43.85, lon: -68.1 }
  ]

  it('pads the extent, at least 1.5 degrees, within the globe', () => {
    expect(paddedExtent([])).toBeNull()
    const one = paddedExtent([{ lat: 10, lon: 20 }])
    expect(one).toEqual({ south: 8.5, north: 11.5, west: 18.5, east: 21.5 })
    expect(paddedExtent([{ lat: 10, lon: 20 }], 0.5)?.south).toBe(9.5)
    const edge = paddedExtent([{ lat: 84.9, lon: 179.9 }])
    expect(edge?.north).toBe(85)
    expect(edge?.east).toBe(180)
  })

  it('fits every point inside the box and draws the bundled coastline there', () => {
    const extent = paddedExtent(gulfOfMaine)
    if (!extent) throw new Error('no extent')
    const projection = fittedProjection(extent, 720, 440)
    for (const p of gulfOfMaine) {
      const [x, y] = projection([p.lon, p.lat]) ?? [NaN, NaN]
      expect(x).toBeGreaterThan(8)
      expect(x).toBeLessThan(712)
      expect(y).toBeGreaterThan(8)
      expect(y).toBeLessThan(432)
    }
    // Cape Cod and Maine are in frame: the land path is not empty and stays in the box.
    const path = landPath(LAND, projection)
    expect(path.length).toBeGreaterThan(1000)
    const numbers = path.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? []
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...numbers)).toBeLessThanOrEqual(720)
  })
})

describe('timeline scale', () => {
  it('places dates in order with yearly ticks over several years', () => {
    const scale = timeScale(['2019-07-01', '2021-08-15', '2023-06-30'], 0, 700)
    const xs = ['2019-07-01', '2021-08-15', '2023-06-30'].map(scale.x)
    expect(xs[0]).toBeGreaterThan(0)
    expect(xs[2]).toBeLessThan(700)
    expect(xs[1]).toBeGreaterThan(xs[0] ?? 0)
    expect(scale.ticks.map((t) => t.label)).toEqual(['2020', '2021', '2022', '2023'])
  })

  it('ticks months for a short span, and copes with a single date', () => {
    const months = timeScale(['2021-06-03', '2021-09-20'], 0, 700).ticks.map((t) => t.label)
    expect(months).toEqual(['Jun 2021', 'Jul', 'Aug', 'Sep', 'Oct'])
    const one = timeScale(['2021-06-15'], 0, 700)
    expect(one.x('2021-06-15')).toBeCloseTo(350, 0)
  })
})

describe('score chart', () => {
  const model = (id: string, createdAt: string, scores: Record<string, number>) =>
    ({ id, createdAt, current: id === 'b', scores }) as ModelSummary

  it('orders models oldest first and keeps missing scores out of the line', () => {
    const points = scoreSeries(
      [
        model('c', '2024-03-01', { validationMap5: 0.7, validationTop1: 0.6 }),
        model('a', '2024-01-01', {}),
        model('b', '2024-02-01', { validationMap5: 0.5, validationTop1: 0.4 })
      ],
      0,
      100
    )
    expect(points.map((p) => [p.modelId, p.x, p.map5, p.current])).toEqual([
      ['a', 0, null, false],
      ['b', 50, 0.5, true],
      ['c', 100, 0.7, false]
    ])
    const path = seriesPath(
      points.map((p) => ({ x: p.x, value: p.map5 })),
      0,
      100
    )
    expect(path).toBe('M50.0,50.0 L100.0,30.0')
  })
})

describe('colours', () => {
  it('gives an individual the same colour every time, grey when unassigned', () => {
    expect(colourOf('whale-1')).toBe(colourOf('whale-1'))
    expect(colourOf(null)).toBe(UNASSIGNED_COLOUR)
    const many = new Set(Array.from({ length: 40 }, (_, i) => colourOf(`w${i}`)))
    expect(many.size).toBeGreaterThan(6)
  })
})
