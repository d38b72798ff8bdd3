import { Group, Paper, Stack, Text, UnstyledButton } from '@mantine/core'
import type { Candidate, QueueItem } from '@shared/contract'
import { useApi } from '../api/ApiContext'
import { formatDateTime, formatLatLon } from '../common/format'

interface Props {
  query: QueueItem
  candidate: Candidate | null
  shownAnnotation: string | null
  onShow: (annotationId: string | null) => void
}

/** Where the new photo comes from, and the candidate's other images to compare against. */
export function QueryDetails({ query, candidate, shownAnnotation, onShow }: Props) {
  const api = useApi()
  const images = candidate
    ? [
        { annotationId: candidate.annotationId, fileName: candidate.fileName },
        ...candidate.otherAnnotations
      ]
    : []
  return (
    <Stack gap="xs">
      <Text size="sm" data-testid="query-details">
        <b>{query.fileName}</b> · {formatDateTime(query.takenAt)}
        {query.place && ` · ${formatLatLon(query.place.lat, query.place.lon)}`} · {query.batchLabel}
      </Text>
      {images.length > 1 && (
        <Paper withBorder p={6}>
          <Text size="xs" c="dimmed" mb={4}>
            {candidate?.name}: {images.length} images
          </Text>
          <Group gap={6} data-testid="candidate-images">
            {images.map((img, index) => (
              <UnstyledButton
                key={img.annotationId}
                onClick={() => onShow(index === 0 ? null : img.annotationId)}
                title={img.fileName}
                data-testid="candidate-image"
                style={{
                  outline:
                    img.annotationId === shownAnnotation
                      ? '2px solid var(--mantine-color-blue-6)'
                      : 'none',
                  borderRadius: 4
                }}
              >
                <img
                  src={api.imageUrl('crop', img.annotationId)}
                  alt={img.fileName}
                  loading="lazy"
                  style={{
                    width: 64,
                    height: 42,
                    objectFit: 'cover',
                    borderRadius: 4,
                    display: 'block'
                  }}
                />
              </UnstyledButton>
            ))}
          </Group>
        </Paper>
      )}
    </Stack>
  )
}
