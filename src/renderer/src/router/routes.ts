import type { MapFilter, PhotoFilter } from '@shared/contract'

export type CatalogueTab = 'photos' | 'individuals'
export type MapsTab = 'sightings' | 'embeddings'

export type Route =
  | { page: 'catalogue'; tab: CatalogueTab; filter: PhotoFilter }
  | { page: 'individual'; id: string }
  | { page: 'photo'; id: string }
  | { page: 'import' }
  | { page: 'export' }
  | { page: 'jobs' }
  | { page: 'review' }
  | { page: 'models' }
  | { page: 'maps'; tab: MapsTab; filter: MapFilter }

export const HOME: Route = { page: 'catalogue', tab: 'photos', filter: {} }

// The photo filter lives in the hash so that Back from a photo returns to the same selection.
const FILTER_PARAMS = {
  individualId: 'individual',
  batchId: 'batch',
  dateFrom: 'from',
  dateTo: 'to'
} as const

/** `#/catalogue/photo/abc` → a Route; anything unknown → the catalogue. */
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?', 2)
  const parts = path.split('/').filter(Boolean).map(safeDecode)
  const [first, second, third] = parts
  if (first === 'import') return { page: 'import' }
  if (first === 'export') return { page: 'export' }
  if (first === 'jobs') return { page: 'jobs' }
  if (first === 'review') return { page: 'review' }
  if (first === 'models') return { page: 'models' }
  if (first === 'maps') {
    const params = new URLSearchParams(query)
    const filter: MapFilter = {}
    const batchId = params.get('batch')
    const individualId = params.get('individual')
    if (batchId) filter.batchId = batchId
    if (individualId) filter.individualId = individualId
    return { page: 'maps', tab: second === 'embeddings' ? 'embeddings' : 'sightings', filter }
  }
  if (first === 'catalogue') {
    if (second === 'individual' && third) return { page: 'individual', id: third }
    if (second === 'photo' && third) return { page: 'photo', id: third }
    const tab = second === 'individuals' ? 'individuals' : 'photos'
    return { page: 'catalogue', tab, filter: parseFilter(new URLSearchParams(query)) }
  }
  return HOME
}

export function formatHash(route: Route): string {
  switch (route.page) {
    case 'import':
      return '#/import'
    case 'export':
      return '#/export'
    case 'jobs':
      return '#/jobs'
    case 'review':
      return '#/review'
    case 'models':
      return '#/models'
    case 'maps': {
      const params = new URLSearchParams()
      if (route.filter.batchId) params.set('batch', route.filter.batchId)
      if (route.filter.individualId) params.set('individual', route.filter.individualId)
      const base = route.tab === 'embeddings' ? '#/maps/embeddings' : '#/maps'
      return params.size ? `${base}?${params.toString()}` : base
    }
    case 'individual':
      return `#/catalogue/individual/${encodeURIComponent(route.id)}`
    case 'photo':
      return `#/catalogue/photo/${encodeURIComponent(route.id)}`
    case 'catalogue': {
      const base = route.tab === 'individuals' ? '#/catalogue/individuals' : '#/catalogue'
      const query = formatFilter(route.filter)
      return query ? `${base}?${query}` : base
    }
  }
}

function parseFilter(params: URLSearchParams): PhotoFilter {
  const filter: PhotoFilter = {}
  for (const [field, param] of Object.entries(FILTER_PARAMS)) {
    const value = params.get(param)
    if (value) filter[field as keyof typeof FILTER_PARAMS] = value
  }
  if (params.get('unassigned') === '1') filter.unassigned = true
  return filter
}

function formatFilter(filter: PhotoFilter): string {
  const params = new URLSearchParams()
  for (const [field, param] of Object.entries(FILTER_PARAMS)) {
    const value = filter[field as keyof typeof FILTER_PARAMS]
    if (value) params.set(param, value)
  }
  if (filter.unassigned) params.set('unassigned', '1')
  return params.toString()
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part)
  } catch {
    return part
  }
}
