// The box editor's requests. A moved box changes what the model sees, so the current model's
// embeddings are brought up to date by a job (matching also embeds a changed query at once).
import type { Annotation, CatalogData } from '../../shared/domain'
import type { AppCore } from '../core/app-core'
import {
  applyAnnotationChange,
  applyDeleteAnnotation,
  applyNewAnnotation
} from '../annotations/edit-annotations'
import type { Handlers } from './handlers'

type AnnotationHandlers = Pick<
  Handlers,
  'annotations.update' | 'annotations.create' | 'annotations.delete'
>

export function annotationHandlers(core: AppCore): AnnotationHandlers {
  const write = async (apply: (data: CatalogData) => Annotation): Promise<Annotation> => {
    const catalog = core.requireCatalog()
    const boxVersions = () => catalog.data.annotations.map((a) => a.updatedAt).join()
    const before = boxVersions()
    let result: Annotation | null = null
    await catalog.update((data) => {
      result = structuredClone(apply(data))
    })
    if (boxVersions() !== before) core.embedChangedBoxes()
    if (!result) throw new Error('the annotation was not saved')
    return result
  }
  return {
    'annotations.update': (change) => write((data) => applyAnnotationChange(data, change)),
    'annotations.create': (request) => write((data) => applyNewAnnotation(data, request)),
    'annotations.delete': async ({ id }) => {
      await core.requireCatalog().update((data) => applyDeleteAnnotation(data, id))
      return null
    }
  }
}
