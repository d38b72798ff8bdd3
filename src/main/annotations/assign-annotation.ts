// Giving a fluke to an individual, the one way every door does it: the annotation changes and
// an assignment is appended with the individual it had before, so history is never rewritten.
import { randomUUID } from 'node:crypto'
import type { Annotation, CatalogData } from '../../shared/domain'

/** Returns the new assignment's id. */
export function assignAnnotation(
  data: CatalogData,
  annotation: Annotation,
  individualId: string | null,
  how: { at: string; modelId: string | null; note: string }
): string {
  const id = randomUUID()
  data.assignments.push({
    id,
    annotationId: annotation.id,
    individualId,
    previousIndividualId: annotation.individualId,
    at: how.at,
    by: 'user',
    modelId: how.modelId,
    note: how.note
  })
  annotation.individualId = individualId
  return id
}
