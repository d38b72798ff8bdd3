import { Group, Paper, Stack, Text } from '@mantine/core'
import type { SightingView } from '@shared/contract'
import { formatCount, formatDay, formatLatLon } from '../common/format'
import { CalendarIcon, PinIcon } from '../common/icons'
import { Thumb } from '../common/Thumb'
import { formatHash } from '../router/routes'
import classes from './SightingList.module.css'

// A sighting of a whole survey day can hold hundreds of photos; the grid below has them all.
const THUMBS_PER_SIGHTING = 12

export function SightingList({ sightings }: { sightings: SightingView[] }) {
  if (sightings.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No sightings recorded.
      </Text>
    )
  }
  return (
    <Stack gap="sm">
      {sightings.map(({ sighting, photoIds }) => (
        <Paper key={sighting.id} withBorder p="sm" data-testid="sighting">
          <Group gap="lg" mb="xs">
            <Group gap={6} wrap="nowrap">
              <CalendarIcon size={16} />
              <Text fw={600} size="sm">
                {formatDay(sighting.date, 'Undated')}
              </Text>
            </Group>
            <Group gap={6} wrap="nowrap" c="dimmed">
              <PinIcon size={16} />
              <Text size="sm">
                {sighting.place
                  ? formatLatLon(sighting.place.lat, sighting.place.lon)
                  : 'No position'}
              </Text>
            </Group>
            <Text size="sm" c="dimmed">
              {formatCount(photoIds.length, 'photo')}
            </Text>
          </Group>
          <div className={classes.strip}>
            {photoIds.slice(0, THUMBS_PER_SIGHTING).map((photoId) => (
              <a
                key={photoId}
                href={formatHash({ page: 'photo', id: photoId })}
                className={classes.link}
              >
                <Thumb photoId={photoId} alt="Photo of this sighting" width={120} height={80} />
              </a>
            ))}
            {photoIds.length > THUMBS_PER_SIGHTING && (
              <Text size="sm" c="dimmed" className={classes.more}>
                +{photoIds.length - THUMBS_PER_SIGHTING} more
              </Text>
            )}
          </div>
        </Paper>
      ))}
    </Stack>
  )
}
