// The score chart's points: each model's validation MAP@5 and top-1, by the date it was made.
import type { ModelSummary } from '@shared/contract'

export interface ScorePoint {
  modelId: string
  createdAt: string
  x: number
  map5: number | null
  top1: number | null
  current: boolean
}

/** Oldest model on the left; models spread evenly (dates of retrains bunch up in one session). */
export function scoreSeries(models: ModelSummary[], left: number, right: number): ScorePoint[] {
  const oldestFirst = [...models].sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  const step = oldestFirst.length > 1 ? (right - left) / (oldestFirst.length - 1) : 0
  return oldestFirst.map((m, i) => ({
    modelId: m.id,
    createdAt: m.createdAt,
    x: oldestFirst.length > 1 ? left + i * step : (left + right) / 2,
    map5: finite(m.scores['validationMap5']),
    top1: finite(m.scores['validationTop1']),
    current: m.current
  }))
}

const finite = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null)

/** An SVG polyline through the points that have a value (0..1 mapped onto top..bottom). */
export function seriesPath(
  points: { x: number; value: number | null }[],
  top: number,
  bottom: number
): string {
  return points
    .filter((p): p is { x: number; value: number } => p.value !== null)
    .map(
      (p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${yOf(p.value, top, bottom).toFixed(1)}`
    )
    .join(' ')
}

export const yOf = (value: number, top: number, bottom: number) => bottom - value * (bottom - top)
