import { summariseScores, type EvaluationOptions, type EvaluationReport } from './report'
import { scoreQueries, type QueryScores } from './score-queries'
import { NEW_WHALE, unitRows, type Vectors } from './vectors'

export type LeaveOneOutReport = EvaluationReport & { images: number; individuals: number }

/** Every photo a query against all the others: evaluate.py's rank_individuals. */
export function leaveOneOutScores(vectors: Vectors, labels: readonly string[]): QueryScores {
  const matrix = unitRows(vectors, labels.length)
  return scoreQueries(matrix, labels, matrix, labels, true)
}

/**
 * evaluate.py --data, in process: leave-one-out over the catalogue, individuals ranked by
 * their best photo, ties against the truth. labels use 'new_whale' for photos of no known
 * individual (queries that must answer new_whale, never in the gallery).
 */
export function leaveOneOut(
  vectors: Vectors,
  labels: readonly string[],
  options: EvaluationOptions = {}
): LeaveOneOutReport {
  const report = summariseScores(leaveOneOutScores(vectors, labels), labels, options)
  const individuals = new Set(labels)
  individuals.delete(NEW_WHALE)
  return { images: labels.length, individuals: individuals.size, ...report }
}
