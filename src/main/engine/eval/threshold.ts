import { map5FromRanks, precisionAt5 } from './map5'
import { PairwiseSumTree } from './pairwise-tree'
import { NEW_WHALE } from './vectors'

/** One query's ranking as the new_whale threshold sees it. */
export type ThresholdQuery = {
  /** 1-based pessimistic rank of the truth among individuals; Infinity if the truth is new. */
  rank: number
  /** The best individual scores, descending (evaluate.py keeps 5, -Infinity padded). */
  top5: ArrayLike<number>
  isNew: boolean
}

/** Individuals kept ahead of new_whale: those of the top 5 scoring >= threshold. */
function keptAhead(top5: ArrayLike<number>, threshold: number): number {
  let k = 0
  for (let i = 0; i < 5; i++) if ((top5[i] ?? -Infinity) >= threshold) k++
  return k
}

/** evaluate.py's map5_with_threshold: new_whale inserted before the first score < threshold. */
export function map5WithThreshold(queries: readonly ThresholdQuery[], threshold: number): number {
  return map5FromRanks(queries.map((q) => rankAfter(q, keptAhead(q.top5, threshold))))
}

/** The truth's rank once new_whale is inserted after k individuals. */
function rankAfter(q: ThresholdQuery, k: number): number {
  return q.isNew ? k + 1 : q.rank <= k ? q.rank : q.rank + 1
}

/**
 * evaluate.py's best_threshold: the threshold that maximises MAP@5 over these queries.
 * Candidates are -Infinity, the midpoints between consecutive distinct observed scores, and
 * +Infinity; of equally good ones the median is taken. Scores are summed exactly as numpy
 * sums them, so the same candidates tie and the same one wins.
 */
export function bestThreshold(queries: readonly ThresholdQuery[]): {
  threshold: number
  map5: number
} {
  const observed = new Set<number>()
  for (const q of queries) for (let i = 0; i < 5; i++) observed.add(q.top5[i] ?? -Infinity)
  const values = [...observed].filter(Number.isFinite).sort((a, b) => a - b)
  const candidates = [-Infinity]
  for (let i = 0; i + 1 < values.length; i++) {
    candidates.push(((values[i] as number) + (values[i + 1] as number)) / 2)
  }
  candidates.push(Infinity)
  // A query's precision depends only on how many of its top 5 clear the threshold (0..5).
  // Sweeping the candidates upwards, each of its 5 scores drops out once: update that query
  // alone in a sum tree shaped like numpy's, instead of re-summing every query per candidate.
  const byKept = queries.map((q) =>
    Array.from({ length: 6 }, (_, k) => precisionAt5(rankAfter(q, k)))
  )
  const kept = new Int8Array(queries.length).fill(5)
  const tree = new PairwiseSumTree(byKept.map((p) => p[5] ?? 0))
  const drops = queries
    .flatMap((q, i) => Array.from({ length: 5 }, (_, j) => ({ score: q.top5[j] ?? -Infinity, i })))
    .sort((a, b) => a.score - b.score || 0)
  let next = 0
  const scores = candidates.map((t) => {
    for (; next < drops.length && (drops[next]?.score ?? Infinity) < t; next++) {
      const i = (drops[next] as { i: number }).i
      kept[i] = (kept[i] as number) - 1
      tree.set(i, byKept[i]?.[kept[i]] ?? 0)
    }
    return queries.length ? tree.total / queries.length : Number.NaN
  })
  const top = scores.reduce((a, b) => Math.max(a, b), -Infinity)
  const best = scores.flatMap((s, i) => (s === top ? [i] : []))
  const i = best[Math.floor(best.length / 2)] ?? 0
  return { threshold: candidates[i] ?? Infinity, map5: scores[i] ?? Number.NaN }
}

/**
 * Top-5 answer for a ranking (best first): individuals scoring >= threshold, then new_whale,
 * then the rest, cut at 5. With +Infinity new_whale comes first; with -Infinity it follows
 * every candidate, so it shows only when fewer than 5 individuals exist.
 */
export function predictWithThreshold(
  ranking: readonly { id: string; score: number }[],
  threshold: number
): string[] {
  const top = ranking.slice(0, 5)
  const k = top.filter((r) => r.score >= threshold).length
  return [...top.slice(0, k).map((r) => r.id), NEW_WHALE, ...top.slice(k).map((r) => r.id)].slice(
    0,
    5
  )
}
