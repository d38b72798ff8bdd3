// Merging and splitting individuals: one catalogue write each, acknowledged once on disk.
import type { CatalogChange, CatalogData } from '../../shared/domain'
import type { AppCore } from '../core/app-core'
import { changeView, nameIn } from '../catalog/individual-detail'
import { namesById } from '../catalog/queries'
import { applyMerge, applySplit } from '../individuals/merge-split'
import type { Handlers } from './handlers'

type IndividualHandlers = Pick<Handlers, 'individuals.merge' | 'individuals.split'>

export function individualHandlers(core: AppCore): IndividualHandlers {
  const write = async (apply: (data: CatalogData) => CatalogChange) => {
    const catalog = core.requireCatalog()
    let change: CatalogChange | null = null
    await catalog.update((data) => {
      change = apply(data)
    })
    if (!change) throw new Error('the change was not recorded')
    return changeView(change, nameIn(namesById(catalog.data)))
  }
  return {
    'individuals.merge': ({ id, intoId }) => write((data) => applyMerge(data, id, intoId)),
    'individuals.split': ({ id, annotationIds, into }) =>
      write((data) => applySplit(data, id, annotationIds, into))
  }
}
