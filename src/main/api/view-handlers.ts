// The views: the sightings map and the embedding map. The embedding map's layout is drawn by a
// job (UMAP takes seconds to minutes on a large catalogue) and kept until the vectors change.
import type { Handlers } from './handlers'
import type { AppCore } from '../core/app-core'
import { UserError } from '../errors'
import { computeLayout, embeddingMapOf, layoutSignature, type Layout } from '../views/embedding-map'
import { sightingMap } from '../views/sighting-points'

type ViewHandlers = Pick<Handlers, 'views.sightings' | 'views.embeddingMap'>

export function viewHandlers(core: AppCore): ViewHandlers {
  const catalog = () => core.requireCatalog()
  let layout: Layout | null = null
  let drawing: { jobId: string; signature: string } | null = null
  const jobActive = (id: string) => {
    const state = core.jobs.get(id)?.state
    return state === 'queued' || state === 'running'
  }
  return {
    'views.sightings': ({ filter }) => sightingMap(catalog().data, filter),
    'views.embeddingMap': async () => {
      const open = catalog()
      if (!open.data.models.some((m) => m.id === open.data.currentModelId)) {
        throw new UserError(
          'There is no model yet: press "Use the built-in model" on the Models page to make one',
          'conflict'
        )
      }
      const session = await core.session()
      const signature = layoutSignature(open.dir, await session.currentIndex(open))
      if (layout?.signature === signature)
        return { map: embeddingMapOf(open.data, layout), jobId: null }
      // An embedding job may be queued: the drawing job runs after it (jobs run in order) and
      // reads the vectors then, so one request is enough to get the up-to-date map.
      if (drawing && jobActive(drawing.jobId)) return { map: null, jobId: drawing.jobId }
      const job = core.jobs.start('projection', 'Draw the embedding map', async (context) => {
        const index = await session.currentIndex(open)
        context.progress(0, index.keys.length, `Laying out ${index.keys.length} flukes`)
        layout = await computeLayout(open.dir, index, {
          signal: context.signal,
          onProgress: (done, total) => context.progress(done, total, 'Laying out the flukes')
        })
        return null
      })
      drawing = { jobId: job.id, signature }
      return { map: null, jobId: job.id }
    }
  }
}
