import { useMemo, useState } from 'react'
import { Group, Paper, Text } from '@mantine/core'
import type { SightingPoint } from '@shared/contract'
import { formatCount, formatDay, formatLatLon } from '../common/format'
import { Thumb } from '../common/Thumb'
import { formatHash } from '../router/routes'
import { LAND } from './land'
import { fittedProjection, landPath, paddedExtent } from './map-frame'

const WIDTH = 720
const HEIGHT = 440
const THUMBS = 8
/** Points closer than this (in map pixels) are listed together. */
const NEARBY_PX = 8
const MAX_CARDS = 6

/**
 * Sightings over Natural Earth's coastline, drawn offline as SVG. Hover or click a point to see
 * the sighting below; its photos open from there.
 */
export function SightingMap({ points, testId }: { points: SightingPoint[]; testId?: string }) {
  const [chosen, setChosen] = useState<string | null>(null)
  const frame = useMemo(() => {
    const extent = paddedExtent(points.map((p) => p.place))
    if (!extent) return null
    const projection = fittedProjection(extent, WIDTH, HEIGHT)
    return { projection, land: landPath(LAND, projection) }
  }, [points])
  // Sightings at one feeding ground overlap on the map: hovering one shows all those under it.
  const selected = useMemo(() => {
    const at = (p: SightingPoint) => frame?.projection([p.place.lon, p.place.lat]) ?? null
    const centre = points.find((p) => p.sightingId === chosen)
    const c = centre ? at(centre) : null
    if (!c) return []
    return points.filter((p) => {
      const xy = at(p)
      return xy !== null && Math.hypot(xy[0] - c[0], xy[1] - c[1]) <= NEARBY_PX
    })
  }, [chosen, frame, points])
  if (!frame) {
    return (
      <Text size="sm" c="dimmed" data-testid={testId} data-points={0}>
        No sighting here has a position to draw.
      </Text>
    )
  }
  return (
    <div data-testid={testId} data-points={points.length}>
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        role="img"
        aria-label={`Map of ${formatCount(points.length, 'sighting')}`}
        style={{ display: 'block', maxWidth: WIDTH, borderRadius: 4 }}
      >
        <rect width={WIDTH} height={HEIGHT} fill="var(--mantine-color-blue-light)" />
        <path
          d={frame.land}
          fill="var(--mantine-color-default)"
          stroke="var(--mantine-color-default-border)"
          strokeWidth={0.8}
          data-testid="map-land"
        />
        {points.map((p) => {
          const xy = frame.projection([p.place.lon, p.place.lat])
          if (!xy) return null
          const on = p.sightingId === chosen
          return (
            <circle
              key={p.sightingId}
              cx={xy[0]}
              cy={xy[1]}
              r={on ? 7 : 5}
              fill="var(--mantine-color-orange-6)"
              fillOpacity={0.85}
              stroke={on ? 'var(--mantine-color-text)' : 'white'}
              strokeWidth={on ? 2 : 1}
              style={{ cursor: 'pointer' }}
              data-testid="map-point"
              data-sighting={p.sightingId}
              onMouseEnter={() => setChosen(p.sightingId)}
              onClick={() => setChosen(p.sightingId)}
            >
              <title>{`${formatDay(p.date, 'Undated')}: ${names(p)}`}</title>
            </circle>
          )
        })}
      </svg>
      <Text size="xs" c="dimmed" mt={4}>
        Coastline: Natural Earth 1:50m. Hover or click a point for the sighting.
      </Text>
      {selected.length > 1 && (
        <Text size="sm" mt="sm">
          {formatCount(selected.length, 'sighting')} here
          {selected.length > MAX_CARDS ? ` (the first ${MAX_CARDS} shown)` : ''}
        </Text>
      )}
      {selected.slice(0, MAX_CARDS).map((point) => (
        <SightingCard key={point.sightingId} point={point} />
      ))}
    </div>
  )
}

const names = (p: SightingPoint) =>
  p.individuals.length ? p.individuals.map((i) => i.name).join(', ') : 'not identified yet'

function SightingCard({ point }: { point: SightingPoint }) {
  return (
    <Paper
      withBorder
      p="sm"
      mt="sm"
      maw={WIDTH}
      data-testid="map-sighting"
      data-sighting={point.sightingId}
    >
      <Group gap="lg" mb="xs">
        <Text fw={600} size="sm">
          {formatDay(point.date, 'Undated')}
        </Text>
        <Text size="sm" c="dimmed">
          {formatLatLon(point.place.lat, point.place.lon)}
        </Text>
        <Text size="sm" c="dimmed">
          {point.batchLabel}
        </Text>
      </Group>
      <Group gap={6} mb="xs">
        {point.individuals.length === 0 && (
          <Text size="sm" c="dimmed">
            Not identified yet
          </Text>
        )}
        {point.individuals.map((i) => (
          <Text
            key={i.id}
            size="sm"
            component="a"
            href={formatHash({ page: 'individual', id: i.id })}
          >
            {i.name}
          </Text>
        ))}
      </Group>
      <Group gap={6}>
        {point.photoIds.slice(0, THUMBS).map((id) => (
          <a key={id} href={formatHash({ page: 'photo', id })} data-testid="map-sighting-photo">
            <Thumb photoId={id} alt="Photo of this sighting" width={96} height={64} />
          </a>
        ))}
        {point.photoIds.length > THUMBS && (
          <Text size="sm" c="dimmed">
            +{point.photoIds.length - THUMBS} more
          </Text>
        )}
      </Group>
    </Paper>
  )
}
