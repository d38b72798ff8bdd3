import { useMemo, useState } from 'react'
import { Checkbox, Group, Stack, Text } from '@mantine/core'
import type { EmbeddingMap, EmbeddingPoint } from '@shared/contract'
import { formatCount } from '../common/format'
import { Thumb } from '../common/Thumb'
import { navigate } from '../router/use-route'
import { colourOf, UNASSIGNED_COLOUR } from './colours'

const SIZE = 560
const MARGIN = 14

/**
 * The catalogue as the model sees it: each fluke a point, close points look alike to the
 * model, colours are individuals (grey: unassigned). A ringed point's nearest neighbour is
 * filed under another individual: one of the two may be mislabelled. Click opens the photo.
 */
export function EmbeddingMapView({ map }: { map: EmbeddingMap }) {
  const [hovered, setHovered] = useState<EmbeddingPoint | null>(null)
  const [highlight, setHighlight] = useState(true)
  const names = useMemo(() => new Map(map.individuals.map((i) => [i.id, i.name])), [map])
  const suspects = map.points.filter((p) => p.suspect).length
  const at = (v: number) => MARGIN + v * (SIZE - 2 * MARGIN)
  return (
    <Stack gap="xs" data-testid="embedding-map" data-points={map.points.length}>
      <Group gap="lg">
        <Text size="sm" c="dimmed">
          {formatCount(map.points.length, 'fluke')} laid out by{' '}
          {map.method === 'umap' ? 'UMAP' : 'PCA (too few for UMAP)'}
          {map.notEmbedded > 0 && `; ${formatCount(map.notEmbedded, 'fluke')} not embedded yet`}
        </Text>
        {map.neighboursChecked && (
          <Checkbox
            size="xs"
            checked={highlight}
            onChange={(e) => setHighlight(e.currentTarget.checked)}
            label={`Ring flukes whose nearest neighbour is another individual (${suspects})`}
            data-testid="embedding-highlight"
          />
        )}
      </Group>
      <Group align="flex-start" gap="md" wrap="wrap">
        <svg
          viewBox={`0 0 ${SIZE} ${SIZE}`}
          width="100%"
          role="img"
          aria-label="Embedding map of the catalogue"
          style={{ display: 'block', maxWidth: SIZE, flex: `1 1 ${SIZE / 2}px` }}
        >
          <rect width={SIZE} height={SIZE} fill="var(--mantine-color-default)" rx={4} />
          {map.points.map((p) => (
            <circle
              key={p.annotationId}
              cx={at(p.x)}
              cy={at(1 - p.y)}
              r={hovered?.annotationId === p.annotationId ? 7 : 5}
              fill={colourOf(p.individualId)}
              fillOpacity={0.9}
              stroke={highlight && p.suspect ? 'var(--mantine-color-red-7)' : 'white'}
              strokeWidth={highlight && p.suspect ? 3 : 0.8}
              style={{ cursor: 'pointer' }}
              data-testid="embedding-point"
              data-suspect={p.suspect || undefined}
              data-individual={p.individualId ?? ''}
              onMouseEnter={() => setHovered(p)}
              onClick={() => navigate({ page: 'photo', id: p.photoId })}
            >
              <title>{p.individualId ? (names.get(p.individualId) ?? '') : 'Unassigned'}</title>
            </circle>
          ))}
        </svg>
        <Stack gap={6} w={180}>
          {hovered && (
            <div data-testid="embedding-hover">
              <Thumb photoId={hovered.photoId} alt="Hovered fluke" width={180} height={120} />
              <Text size="sm" fw={600}>
                {hovered.individualId ? names.get(hovered.individualId) : 'Unassigned'}
              </Text>
              {hovered.suspect && (
                <Text size="xs" c="red">
                  Nearest neighbour is another individual
                </Text>
              )}
            </div>
          )}
          <Legend map={map} />
        </Stack>
      </Group>
    </Stack>
  )
}

function Legend({ map }: { map: EmbeddingMap }) {
  const unassigned = map.points.some((p) => p.individualId === null)
  return (
    <Stack gap={2} style={{ maxHeight: 300, overflowY: 'auto' }}>
      {map.individuals.map((i) => (
        <Swatch key={i.id} colour={colourOf(i.id)} label={i.name} />
      ))}
      {unassigned && <Swatch colour={UNASSIGNED_COLOUR} label="Unassigned" />}
    </Stack>
  )
}

function Swatch({ colour, label }: { colour: string; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <svg width={10} height={10} aria-hidden="true">
        <circle cx={5} cy={5} r={5} fill={colour} />
      </svg>
      <Text size="xs" truncate>
        {label}
      </Text>
    </Group>
  )
}
