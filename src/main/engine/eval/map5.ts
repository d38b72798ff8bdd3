import { npMean } from './numpy-compat'

/** Precision of one query whose truth ranks r (1-based): 1/r within the top 5, else 0. */
export function precisionAt5(rank: number): number {
  return rank <= 5 ? 1 / Math.min(rank, 1e9) : 0
}

/** evaluate.py's map5_from_ranks: mean of 1/rank within the top 5; NaN for no queries. */
export function map5FromRanks(ranks: ArrayLike<number>): number {
  return npMean(Float64Array.from(ranks, precisionAt5))
}

/**
 * Kaggle's MAP@5 with one true label per image: for each query the precision is 1/k for the
 * first k (1..5) where predictions[k-1] is the truth, 0 if it is not among the first five.
 * Positions count every guess, but a label repeated before the truth's first occurrence can
 * never score twice, so [A, A, A, A, A], [A, B, C, D, E] and [A, B, A, C, A] all score 1 for
 * truth A (Kaggle's documented example).
 */
export function map5(
  predictions: readonly (readonly string[])[],
  truths: readonly string[]
): number {
  if (predictions.length !== truths.length) {
    throw new RangeError(`${predictions.length} predictions for ${truths.length} truths`)
  }
  const precisions = predictions.map((guesses, q) => {
    const rank = guesses.slice(0, 5).indexOf(truths[q] as string)
    return rank < 0 ? 0 : 1 / (rank + 1)
  })
  return npMean(precisions)
}
