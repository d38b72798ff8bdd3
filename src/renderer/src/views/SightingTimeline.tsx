import { Text } from '@mantine/core'
import type { SightingView } from '@shared/contract'
import { formatCount, formatDay } from '../common/format'
import { navigate } from '../router/use-route'
import { timeScale } from './timeline-scale'

const WIDTH = 720
const HEIGHT = 84
const LEFT = 16
const RIGHT = WIDTH - 16
const AXIS_Y = 52

/** An individual's sightings on a time axis: one mark each; click opens its first photo. */
export function SightingTimeline({ sightings }: { sightings: SightingView[] }) {
  const dated = sightings.filter((s): s is SightingView & { sighting: { date: string } } =>
    Boolean(s.sighting.date)
  )
  const undated = sightings.length - dated.length
  if (dated.length === 0) {
    return (
      <Text size="sm" c="dimmed" data-testid="timeline" data-marks={0}>
        No dated sightings to place on a timeline.
      </Text>
    )
  }
  const scale = timeScale(
    dated.map((s) => s.sighting.date),
    LEFT,
    RIGHT
  )
  return (
    <div data-testid="timeline" data-marks={dated.length}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={`Timeline of ${formatCount(dated.length, 'dated sighting')}`}
        style={{ display: 'block', maxWidth: WIDTH }}
      >
        <line x1={LEFT} x2={RIGHT} y1={AXIS_Y} y2={AXIS_Y} stroke="var(--mantine-color-dimmed)" />
        {scale.ticks.map((tick) => (
          <g key={tick.x}>
            <line
              x1={tick.x}
              x2={tick.x}
              y1={AXIS_Y}
              y2={AXIS_Y + 5}
              stroke="var(--mantine-color-dimmed)"
            />
            <text
              x={tick.x}
              y={AXIS_Y + 18}
              fontSize={11}
              textAnchor="middle"
              fill="var(--mantine-color-dimmed)"
            >
              {tick.label}
            </text>
          </g>
        ))}
        {dated.map(({ sighting, photoIds }) => {
          const x = scale.x(sighting.date)
          const first = photoIds[0]
          return (
            <g
              key={sighting.id}
              data-testid="timeline-mark"
              style={{ cursor: first ? 'pointer' : undefined }}
              onClick={() => first && navigate({ page: 'photo', id: first })}
            >
              <title>{`${formatDay(sighting.date)}: ${formatCount(photoIds.length, 'photo')}`}</title>
              <line
                x1={x}
                x2={x}
                y1={AXIS_Y - 30}
                y2={AXIS_Y}
                stroke="var(--mantine-color-teal-6)"
                strokeWidth={2}
              />
              <circle
                cx={x}
                cy={AXIS_Y - 30}
                r={5 + Math.min(4, photoIds.length - 1)}
                fill="var(--mantine-color-teal-6)"
              />
            </g>
          )
        })}
      </svg>
      {undated > 0 && (
        <Text size="xs" c="dimmed">
          {formatCount(undated, 'undated sighting')} not shown.
        </Text>
      )}
    </div>
  )
}
