import type { RankedIndividual } from './rank-individuals'
import { bestThreshold, type ThresholdQuery } from './threshold'
import { NEW_WHALE } from './vectors'

/** A validation query: its full ranking (from rankIndividuals) and the right answer. */
export type ValidationQuery = { ranking: readonly RankedIndividual[]; truth: string }

/**
 * The similarity threshold that maximises MAP@5 on validation queries when new_whale is
 * inserted where the best score falls below it (evaluate.py's best_threshold). A truth that
 * is new_whale or absent from its ranking counts as new: the right answer is new_whale.
 */
export function calibrateNewWhaleThreshold(queries: readonly ValidationQuery[]): {
  threshold: number
  map5: number
} {
  return bestThreshold(queries.map(toThresholdQuery))
}

function toThresholdQuery({ ranking, truth }: ValidationQuery): ThresholdQuery {
  const hit = truth === NEW_WHALE ? undefined : ranking.find((r) => r.id === truth)
  const top5 = new Float64Array(5).fill(-Infinity)
  ranking.slice(0, 5).forEach((r, i) => (top5[i] = r.score))
  return { rank: hit ? hit.rank : Infinity, top5, isNew: !hit }
}
