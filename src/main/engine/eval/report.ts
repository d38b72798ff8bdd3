import { map5FromRanks } from './map5'
import { compareCodePoints, Mt19937, npMean } from './numpy-compat'
import type { QueryScores } from './score-queries'
import { bestThreshold, map5WithThreshold, type ThresholdQuery } from './threshold'
import { NEW_WHALE } from './vectors'

export type EvaluationOptions = {
  /** Seed of the whale halves for the new_whale threshold (evaluate.py --seed, default 0). */
  seed?: number
  /** Threshold for newWhale precision/recall; default: the one fitted on all queries. */
  threshold?: number
}

export type EvaluationReport = {
  /** Queries whose whale is in the gallery (evaluate.py n_queries) and the others. */
  queries: number
  newQueries: number
  /** evaluate.py map5_known, top1, top5: over the queries whose whale is in the gallery. */
  map5: number
  top1: number
  top5: number
  /** evaluate.py map5_with_new: threshold fitted on one half of the whales, scored on the
   * other, both ways, averaged. Whales without another photo must come out as new_whale. */
  map5WithNew: number
  newWhaleThresholds: number[]
  /** new_whale as the first guess (best score < threshold) as a yes/no decision. */
  newWhale: { threshold: number; map5: number; precision: number; recall: number }
}

export function toThresholdQueries(scores: QueryScores): ThresholdQuery[] {
  return scores.truths.map((truth, q) => ({
    rank: scores.ranks[q] as number,
    top5: scores.top5.subarray(q * 5, q * 5 + 5),
    isNew: truth === NEW_WHALE
  }))
}

/** evaluate.py's evaluate_kaggle after rank_individuals, plus new_whale precision/recall. */
export function summariseScores(
  scores: QueryScores,
  queryLabels: readonly string[],
  options: EvaluationOptions = {}
): EvaluationReport {
  const all = toThresholdQueries(scores)
  const known = all.filter((q) => !q.isNew).map((q) => q.rank)
  const share = (pass: (r: number) => boolean) =>
    known.length ? known.filter(pass).length / known.length : Number.NaN
  const halves = whaleHalves(queryLabels, options.seed ?? 0)
  const results: number[] = []
  const thresholds: number[] = []
  for (const side of [true, false]) {
    const fit = all.filter((_, q) => halves[q] === side)
    const apply = all.filter((_, q) => halves[q] !== side)
    if (!fit.length || !apply.length) continue
    const { threshold } = bestThreshold(fit)
    thresholds.push(threshold)
    results.push(map5WithThreshold(apply, threshold))
  }
  const threshold = options.threshold ?? bestThreshold(all).threshold
  return {
    queries: known.length,
    newQueries: all.length - known.length,
    map5: map5FromRanks(known),
    top1: share((r) => r <= 1),
    top5: share((r) => r <= 5),
    map5WithNew: results.length ? npMean(results) : Number.NaN,
    newWhaleThresholds: thresholds,
    newWhale: {
      threshold,
      map5: map5WithThreshold(all, threshold),
      ...newWhaleDecision(all, threshold)
    }
  }
}

/** Per query: is its whale in half A? As evaluate.py: sorted ids, RandomState(seed) permutation. */
function whaleHalves(labels: readonly string[], seed: number): boolean[] {
  const unique = [...new Set(labels)].sort(compareCodePoints)
  const perm = new Mt19937(seed).permutation(unique.length)
  const halfA = new Set(perm.slice(0, Math.floor(unique.length / 2)).map((i) => unique[i]))
  return labels.map((label) => halfA.has(label))
}

function newWhaleDecision(queries: readonly ThresholdQuery[], threshold: number) {
  let predicted = 0
  let correct = 0
  let actual = 0
  for (const q of queries) {
    const saysNew = !((q.top5[0] ?? -Infinity) >= threshold)
    if (saysNew) predicted++
    if (q.isNew) actual++
    if (saysNew && q.isNew) correct++
  }
  return {
    precision: predicted ? correct / predicted : Number.NaN,
    recall: actual ? correct / actual : Number.NaN
  }
}
