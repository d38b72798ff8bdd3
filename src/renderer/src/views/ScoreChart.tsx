import { Group, Text } from '@mantine/core'
import type { ModelSummary } from '@shared/contract'
import { formatDateTime } from '../common/format'
import { scoreSeries, seriesPath, yOf } from './score-series'

const WIDTH = 560
const HEIGHT = 180
const LEFT = 36
const RIGHT = WIDTH - 16
const TOP = 10
const BOTTOM = HEIGHT - 22

/** Validation MAP@5 and top-1 of every model, oldest left; the model in use is ringed. */
export function ScoreChart({ models }: { models: ModelSummary[] }) {
  const points = scoreSeries(models, LEFT, RIGHT)
  const scored = points.filter((p) => p.map5 !== null || p.top1 !== null)
  return (
    <div data-testid="score-chart" data-points={scored.length}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label="Validation MAP@5 and top-1 of each model"
        style={{ display: 'block', maxWidth: WIDTH }}
      >
        <rect width={WIDTH} height={HEIGHT} fill="var(--mantine-color-default)" />
        {[0, 0.25, 0.5, 0.75, 1].map((v) => (
          <g key={v}>
            <line
              x1={LEFT}
              x2={RIGHT}
              y1={yOf(v, TOP, BOTTOM)}
              y2={yOf(v, TOP, BOTTOM)}
              stroke="var(--mantine-color-default-border)"
            />
            <text
              x={LEFT - 6}
              y={yOf(v, TOP, BOTTOM) + 4}
              fontSize={10}
              textAnchor="end"
              fill="var(--mantine-color-dimmed)"
            >
              {v.toFixed(2)}
            </text>
          </g>
        ))}
        <Series points={points.map((p) => ({ ...p, value: p.map5 }))} colour="teal" kind="map5" />
        <Series points={points.map((p) => ({ ...p, value: p.top1 }))} colour="blue" kind="top1" />
        {points.map((p, i) => (
          <text
            key={p.modelId}
            x={p.x}
            y={HEIGHT - 6}
            fontSize={10}
            textAnchor={
              points.length > 1 && i === 0
                ? 'start'
                : i === points.length - 1 && points.length > 1
                  ? 'end'
                  : 'middle'
            }
            fill="var(--mantine-color-dimmed)"
          >
            {p.current ? '● ' : ''}
            {formatDateTime(p.createdAt)}
          </text>
        ))}
      </svg>
      <Group gap="lg" mt={4}>
        <Text size="xs" c="teal">
          ● validation MAP@5
        </Text>
        <Text size="xs" c="blue">
          ■ validation top-1
        </Text>
        <Text size="xs" c="dimmed">
          ● beside a date: the model in use
        </Text>
      </Group>
    </div>
  )
}

function Series({
  points,
  colour,
  kind
}: {
  points: { modelId: string; x: number; value: number | null; current: boolean }[]
  colour: string
  kind: string
}) {
  const stroke = `var(--mantine-color-${colour}-6)`
  return (
    <g data-testid={`score-series-${kind}`}>
      <path d={seriesPath(points, TOP, BOTTOM)} fill="none" stroke={stroke} strokeWidth={1.5} />
      {points.map((p) =>
        p.value === null ? null : kind === 'map5' ? (
          <circle
            key={p.modelId}
            cx={p.x}
            cy={yOf(p.value, TOP, BOTTOM)}
            r={p.current ? 5 : 3.5}
            fill={stroke}
            data-testid="score-point"
          >
            <title>{`MAP@5 ${p.value.toFixed(3)}`}</title>
          </circle>
        ) : (
          <rect
            key={p.modelId}
            x={p.x - 3}
            y={yOf(p.value, TOP, BOTTOM) - 3}
            width={6}
            height={6}
            fill={stroke}
            data-testid="score-point"
          >
            <title>{`top-1 ${p.value.toFixed(3)}`}</title>
          </rect>
        )
      )}
    </g>
  )
}
