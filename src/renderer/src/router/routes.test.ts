import { describe, expect, it } from 'vitest'
import { formatHash, HOME, parseHash, type Route } from './routes'

describe('routes', () => {
  const routes: [string, Route][] = [
    ['#/catalogue', HOME],
    ['#/catalogue/individuals', { page: 'catalogue', tab: 'individuals', filter: {} }],
    ['#/catalogue/individual/w%2F1', { page: 'individual', id: 'w/1' }],
    ['#/catalogue/photo/p%201', { page: 'photo', id: 'p 1' }],
    ['#/import', { page: 'import' }],
    ['#/export', { page: 'export' }],
    ['#/jobs', { page: 'jobs' }],
    ['#/maps', { page: 'maps', tab: 'sightings', filter: {} }],
    ['#/maps/embeddings', { page: 'maps', tab: 'embeddings', filter: {} }],
    [
      '#/maps?batch=b+2&individual=w1',
      { page: 'maps', tab: 'sightings', filter: { batchId: 'b 2', individualId: 'w1' } }
    ],
    [
      '#/catalogue?individual=w1&batch=b2&from=2024-01-01&to=2024-12-31&unassigned=1',
      {
        page: 'catalogue',
        tab: 'photos',
        filter: {
          individualId: 'w1',
          batchId: 'b2',
          dateFrom: '2024-01-01',
          dateTo: '2024-12-31',
          unassigned: true
        }
      }
    ]
  ]

  it.each(routes)('%s round-trips', (hash, route) => {
    expect(parseHash(hash)).toEqual(route)
    expect(formatHash(route)).toBe(hash)
  })

  it('falls back to the catalogue for anything unknown', () => {
    expect(parseHash('')).toEqual(HOME)
    expect(parseHash('#/nowhere')).toEqual(HOME)
    expect(parseHash('#/catalogue/photo/')).toEqual(HOME)
  })

  it('survives a malformed escape', () => {
    expect(parseHash('#/catalogue/photo/%E0%A4%A')).toEqual({ page: 'photo', id: '%E0%A4%A' })
  })
})
