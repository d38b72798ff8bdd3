// Training curves are drawn, not analysed: a few hundred points show the shape; every point
// where validation MAP@5 was scored is kept, since that line has few points to begin with.
import type { TrainingPoint } from '../../shared/contract'

export const CHART_POINTS = 300

export function thinCurve(points: TrainingPoint[], max = CHART_POINTS): TrainingPoint[] {
  if (points.length <= max) return points
  const stride = Math.ceil(points.length / max)
  return points.filter((p, i) => i % stride === 0 || p.map5 !== null || i === points.length - 1)
}
