import type { TrainingPoint } from '@shared/contract'

export interface ChartPaths {
  /** SVG path of the loss line. */
  loss: string
  map5: { x: number; y: number }[]
  maxLoss: number
}

/** Maps a training curve onto a width x height box: seconds across, loss and MAP@5 up. */
export function chartPaths(
  curve: TrainingPoint[],
  box: { width: number; height: number; seconds: number }
): ChartPaths {
  const last = curve[curve.length - 1]?.seconds ?? 0
  const span = Math.max(box.seconds, last, 1)
  const maxLoss = Math.max(1e-6, ...curve.map((p) => p.loss))
  const x = (seconds: number) => (seconds / span) * box.width
  const y = (value: number, max: number) => box.height - (value / max) * (box.height - 4) - 2
  const loss = curve
    .map(
      (p, i) => `${i === 0 ? 'M' : 'L'}${x(p.seconds).toFixed(1)},${y(p.loss, maxLoss).toFixed(1)}`
    )
    .join(' ')
  const map5 = curve.flatMap((p) => (p.map5 === null ? [] : [{ x: x(p.seconds), y: y(p.map5, 1) }]))
  return { loss, map5, maxLoss }
}
