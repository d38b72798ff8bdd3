// Merging one individual into another and splitting annotations off an individual, applied
// inside one Catalog.update. Nothing is deleted: each moved annotation gets an appended
// assignment, a merged individual is kept and marked, and the change itself is logged, so
// an individual can be merged and split again with its whole history still readable.
import { randomUUID } from 'node:crypto'
import type { SplitTarget } from '../../shared/contract'
import type { CatalogChange, CatalogData, Individual } from '../../shared/domain'
import { UserError } from '../errors'
import { assignAnnotation } from '../annotations/assign-annotation'
import { createIndividual } from './names'

export function applyMerge(
  data: CatalogData,
  fromId: string,
  intoId: string,
  now = new Date().toISOString()
): CatalogChange {
  if (fromId === intoId) throw new UserError('An individual cannot be merged into itself')
  const from = activeIndividual(data, fromId)
  const into = activeIndividual(data, intoId)
  const moving = data.annotations.filter((a) => a.individualId === from.id)
  const note = `merged ${from.name} into ${into.name}`
  const assignmentIds = moving.map((a) =>
    assignAnnotation(data, a, into.id, { at: now, modelId: null, note })
  )
  from.mergedIntoId = into.id
  return log(data, {
    kind: 'merge',
    at: now,
    fromIndividualId: from.id,
    toIndividualId: into.id,
    annotationIds: moving.map((a) => a.id),
    assignmentIds,
    createdIndividual: false,
    note
  })
}

/**
 * Moves the chosen annotations of an individual to another one: an existing individual, one
 * merged away earlier (which comes back), or a new one.
 */
export function applySplit(
  data: CatalogData,
  fromId: string,
  annotationIds: string[],
  target: SplitTarget,
  now = new Date().toISOString()
): CatalogChange {
  const from = activeIndividual(data, fromId)
  if (annotationIds.length === 0) throw new UserError('Choose the photos to split off')
  const moving = annotationIds.map((id) => {
    const annotation = data.annotations.find((a) => a.id === id)
    if (!annotation) throw new UserError(`No annotation with id ${id}`, 'not-found')
    if (annotation.individualId !== from.id) {
      throw new UserError(`That fluke is not one of ${from.name}'s: reload the page`, 'conflict')
    }
    return annotation
  })
  if (new Set(annotationIds).size !== annotationIds.length) {
    throw new UserError('The same photo was chosen twice')
  }
  const created = 'newName' in target
  const into = created
    ? createIndividual(data, target.newName, now, 'choose it as the existing individual instead')
    : splitTarget(data, from, target.individualId)
  // Splitting back into an individual merged here earlier undoes that merge for these photos.
  into.mergedIntoId = null
  const note = `split ${moving.length} of ${from.name}'s to ${into.name}`
  const assignmentIds = moving.map((a) =>
    assignAnnotation(data, a, into.id, { at: now, modelId: null, note })
  )
  return log(data, {
    kind: 'split',
    at: now,
    fromIndividualId: from.id,
    toIndividualId: into.id,
    annotationIds,
    assignmentIds,
    createdIndividual: created,
    note
  })
}

function splitTarget(data: CatalogData, from: Individual, id: string): Individual {
  if (id === from.id) throw new UserError('Choose another individual to move the photos to')
  const into = data.individuals.find((i) => i.id === id)
  if (!into) throw new UserError(`No individual with id ${id}`, 'not-found')
  if (into.mergedIntoId !== null && into.mergedIntoId !== from.id) {
    throw new UserError(`${into.name} was merged into another individual`, 'conflict')
  }
  return into
}

function activeIndividual(data: CatalogData, id: string): Individual {
  const individual = data.individuals.find((i) => i.id === id)
  if (!individual) throw new UserError(`No individual with id ${id}`, 'not-found')
  if (individual.mergedIntoId !== null) {
    const into = data.individuals.find((i) => i.id === individual.mergedIntoId)
    throw new UserError(
      `${individual.name} was already merged into ${into?.name ?? 'another individual'}`,
      'conflict'
    )
  }
  return individual
}

function log(
  data: CatalogData,
  fields: Omit<CatalogChange, 'id' | 'by' | 'annotation'>
): CatalogChange {
  const change: CatalogChange = { id: randomUUID(), by: 'user', annotation: null, ...fields }
  data.changes.push(change)
  return change
}
