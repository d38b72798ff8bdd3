// The review requests: the queue, a query's candidates, and the decisions on them. Each
// decision is one catalogue write, acknowledged only once it is on disk.
import type { Handlers } from './handlers'
import type { AppCore } from '../core/app-core'
import { candidateList, prepareCandidateGallery, type CandidateGallery } from '../review/candidates'
import {
  applyDecision,
  applyNewIndividual,
  applyUndo,
  decisionView,
  recentDecisions
} from '../review/decisions'
import { reviewQueue } from '../review/queue'
import type { CatalogData, MatchDecision } from '../../shared/domain'

type ReviewHandlers = Pick<
  Handlers,
  | 'review.queue'
  | 'review.candidates'
  | 'review.decide'
  | 'review.newIndividual'
  | 'review.undo'
  | 'review.recent'
>

export function reviewHandlers(core: AppCore): ReviewHandlers {
  const catalog = () => core.requireCatalog()
  // Rebuilt when the catalogue or the model's embeddings change, not on every key press.
  let gallery: (CandidateGallery & { revision: number }) | null = null
  const modelInUse = () => catalog().data.currentModelId
  const write = async (change: (data: CatalogData) => MatchDecision | null) => {
    let decision: MatchDecision | null = null
    await catalog().update((data) => {
      decision = change(data)
    })
    return decision ? decisionView(catalog().data, decision) : null
  }
  const written = async (change: (data: CatalogData) => MatchDecision) => {
    const view = await write(change)
    if (!view) throw new Error('the decision was not recorded')
    return view
  }
  return {
    'review.queue': ({ filter }) => reviewQueue(catalog().data, filter),
    'review.candidates': async ({ annotationId, limit }) => {
      const open = catalog()
      const session = await core.session()
      const { record } = await session.embedder(open)
      const query = await session.vectorFor(open, annotationId)
      const index = await session.currentIndex(open)
      if (gallery?.index !== index || gallery.revision !== open.revision) {
        gallery = { ...prepareCandidateGallery(open.data, index), revision: open.revision }
      }
      return candidateList({
        data: open.data,
        gallery,
        query,
        annotationId,
        threshold: record.newWhaleThreshold,
        limit
      })
    },
    'review.decide': (request) => written((data) => applyDecision(data, request, modelInUse())),
    'review.newIndividual': ({ queryAnnotationId, name }) =>
      written((data) => applyNewIndividual(data, queryAnnotationId, name, modelInUse())),
    'review.undo': () => write((data) => applyUndo(data)),
    'review.recent': ({ limit }) => recentDecisions(catalog().data, limit)
  }
}
