// A biologist's decisions on suggested matches, applied to the catalogue's data inside one
// Catalog.update, so a decision and the assignment it makes are written together. Nothing is
// ever deleted: undo marks the decision undone and appends the reverse assignment.
import { randomUUID } from 'node:crypto'
import type { DecisionRequest, DecisionView } from '../../shared/contract'
import type { Annotation, CatalogData, MatchDecision } from '../../shared/domain'
import { UserError } from '../errors'
import { assignAnnotation } from '../annotations/assign-annotation'
import { createIndividual } from '../individuals/names'

export function applyDecision(
  data: CatalogData,
  request: DecisionRequest,
  modelId: string | null,
  now = new Date().toISOString()
): MatchDecision {
  const annotation = unassignedQuery(data, request.queryAnnotationId)
  const individual = data.individuals.find((i) => i.id === request.individualId)
  if (!individual) throw new UserError(`No individual with id ${request.individualId}`, 'not-found')
  if (individual.mergedIntoId) {
    throw new UserError(`${individual.name} was merged into another individual`, 'conflict')
  }
  const assignmentId =
    request.verdict === 'same'
      ? assignAnnotation(data, annotation, individual.id, {
          at: now,
          modelId,
          note: 'confirmed match'
        })
      : null
  return record(data, {
    queryAnnotationId: annotation.id,
    candidateIndividualId: individual.id,
    candidateAnnotationId: request.candidateAnnotationId,
    verdict: request.verdict,
    at: now,
    modelId,
    assignmentId,
    createdIndividual: false
  })
}

export function applyNewIndividual(
  data: CatalogData,
  queryAnnotationId: string,
  requestedName: string | null,
  modelId: string | null,
  now = new Date().toISOString()
): MatchDecision {
  const annotation = unassignedQuery(data, queryAnnotationId)
  const individual = createIndividual(
    data,
    requestedName,
    now,
    'choose it as "same whale" instead, or pick another name'
  )
  const assignmentId = assignAnnotation(data, annotation, individual.id, {
    at: now,
    modelId,
    note: 'new individual'
  })
  return record(data, {
    queryAnnotationId: annotation.id,
    candidateIndividualId: individual.id,
    candidateAnnotationId: null,
    verdict: 'new',
    at: now,
    modelId,
    assignmentId,
    createdIndividual: true
  })
}

/** Undoes the newest decision still in force; null when there is none. */
export function applyUndo(data: CatalogData, now = new Date().toISOString()): MatchDecision | null {
  const decision = data.decisions.findLast((d) => d.undoneAt === null)
  if (!decision) return null
  if (decision.assignmentId) {
    const made = data.assignments.find((a) => a.id === decision.assignmentId)
    const annotation = data.annotations.find((a) => a.id === decision.queryAnnotationId)
    if (made && annotation) {
      if (annotation.individualId !== made.individualId) {
        throw new UserError(
          'That photo has been given another individual since this decision: change it on its photo page',
          'conflict'
        )
      }
      assignAnnotation(data, annotation, made.previousIndividualId, {
        at: now,
        modelId: decision.modelId,
        note: 'undo'
      })
    }
  }
  if (decision.createdIndividual) {
    const id = decision.candidateIndividualId
    // Merges and splits name it too: then it stays, so their history still reads.
    const stillUsed =
      data.annotations.some((a) => a.individualId === id) ||
      data.individuals.some((i) => i.mergedIntoId === id) ||
      data.changes.some((c) => c.fromIndividualId === id || c.toIndividualId === id)
    if (!stillUsed) {
      data.individuals = data.individuals.filter((i) => i.id !== id)
    }
  }
  decision.undoneAt = now
  return decision
}

export function decisionView(data: CatalogData, decision: MatchDecision): DecisionView {
  const name = data.individuals.find((i) => i.id === decision.candidateIndividualId)?.name
  return {
    id: decision.id,
    verdict: decision.verdict,
    queryAnnotationId: decision.queryAnnotationId,
    individualId: decision.candidateIndividualId,
    individualName: name ?? '(removed by undo)',
    at: decision.at,
    modelId: decision.modelId
  }
}

/** The newest decisions still in force, newest first. */
export function recentDecisions(data: CatalogData, limit: number): DecisionView[] {
  return data.decisions
    .filter((d) => d.undoneAt === null)
    .slice(-limit)
    .reverse()
    .map((d) => decisionView(data, d))
}

function unassignedQuery(data: CatalogData, annotationId: string): Annotation {
  const annotation = data.annotations.find((a) => a.id === annotationId)
  if (!annotation) throw new UserError(`No annotation with id ${annotationId}`, 'not-found')
  if (annotation.individualId !== null) {
    const name = data.individuals.find((i) => i.id === annotation.individualId)?.name
    throw new UserError(
      `This fluke is already assigned to ${name ?? 'an individual'}; undo that first`,
      'conflict'
    )
  }
  return annotation
}

function record(data: CatalogData, fields: Omit<MatchDecision, 'id' | 'undoneAt'>): MatchDecision {
  const decision: MatchDecision = { id: randomUUID(), undoneAt: null, ...fields }
  data.decisions.push(decision)
  return decision
}
