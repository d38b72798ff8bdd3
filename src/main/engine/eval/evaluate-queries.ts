import { summariseScores, type EvaluationOptions, type EvaluationReport } from './report'
import { scoreQueries } from './score-queries'
import { unitRows, type Vectors } from './vectors'

/**
 * Queries ranked against a separate gallery (for instance a ValidationSplit), scored as
 * evaluate.py scores leave-one-out: a query's truth is its whale when that whale has a photo
 * in the gallery, new_whale otherwise. vectors and labels cover all items; queries and
 * gallery are item indices and must not overlap.
 */
export function evaluateQueries(
  vectors: Vectors,
  labels: readonly string[],
  split: { queries: readonly number[]; gallery: readonly number[] },
  options: EvaluationOptions = {}
): EvaluationReport {
  const inGallery = new Set(split.gallery)
  const overlap = split.queries.find((q) => inGallery.has(q))
  if (overlap !== undefined)
    throw new RangeError(`item ${overlap} is both a query and in the gallery`)
  const all = unitRows(vectors, labels.length)
  const pick = (items: readonly number[]) => {
    const data = new Float64Array(items.length * all.dim)
    items.forEach((item, r) =>
      data.set(all.data.subarray(item * all.dim, (item + 1) * all.dim), r * all.dim)
    )
    return { data, rows: items.length, dim: all.dim }
  }
  const queryLabels = split.queries.map((q) => labels[q] as string)
  const galleryLabels = split.gallery.map((g) => labels[g] as string)
  const scores = scoreQueries(
    pick(split.queries),
    queryLabels,
    pick(split.gallery),
    galleryLabels,
    false
  )
  return summariseScores(scores, queryLabels, options)
}
