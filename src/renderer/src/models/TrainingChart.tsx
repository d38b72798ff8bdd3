import { Group, Text } from '@mantine/core'
import type { TrainingPoint } from '@shared/contract'
import { chartPaths } from './chart-paths'

const WIDTH = 560
const HEIGHT = 160

/**
 * Loss (line, left scale) and validation MAP@5 (dots, 0..1) against seconds. Drawn as plain
 * SVG: @mantine/charts is not published for the Mantine version this app uses.
 */
export function TrainingChart({
  curve,
  seconds,
  testId
}: {
  curve: TrainingPoint[]
  /** The x axis spans at least this many seconds (the run's budget). */
  seconds: number
  testId?: string
}) {
  const paths = chartPaths(curve, { width: WIDTH, height: HEIGHT, seconds })
  const lastMap = [...curve].reverse().find((p) => p.map5 !== null)?.map5 ?? null
  const lastLoss = curve[curve.length - 1]?.loss ?? null
  return (
    <div data-testid={testId} data-points={curve.length}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label="Training loss and validation MAP@5"
        style={{ display: 'block', maxWidth: WIDTH }}
      >
        <rect x={0} y={0} width={WIDTH} height={HEIGHT} fill="var(--mantine-color-default)" />
        <path d={paths.loss} fill="none" stroke="var(--mantine-color-blue-6)" strokeWidth={1.5} />
        {paths.map5.map((p, i) => (
          <circle key={i} cx={p.x} cy={p.y} r={3} fill="var(--mantine-color-teal-6)" />
        ))}
      </svg>
      <Group gap="lg" mt={4}>
        <Text size="xs" c="blue">
          — loss{lastLoss === null ? '' : ` ${lastLoss.toFixed(3)}`} (scale 0–
          {paths.maxLoss.toFixed(2)})
        </Text>
        <Text size="xs" c="teal">
          ● validation MAP@5{lastMap === null ? '' : ` ${lastMap.toFixed(3)}`} (scale 0–1)
        </Text>
      </Group>
    </div>
  )
}
