import { Text } from '@mantine/core'
import { useCatalogChanged } from '../api/use-event'
import { useRequest } from '../api/use-request'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { formatCount } from '../common/format'
import { formatHash } from '../router/routes'
import { SightingMap } from './SightingMap'

/** One individual's sightings on the map, with a link to the full map filtered to it. */
export function IndividualMap({ id }: { id: string }) {
  const map = useRequest('views.sightings', { filter: { individualId: id } })
  useCatalogChanged(map.reload)
  if (map.error) return <ApiErrorAlert error={map.error} onRetry={map.reload} />
  if (!map.data) return null
  return (
    <div>
      <SightingMap points={map.data.points} testId="individual-map" />
      <Text size="xs" c="dimmed" mt={4}>
        {map.data.withoutPlace > 0 &&
          `${formatCount(map.data.withoutPlace, 'sighting')} without a position not shown. `}
        <a href={formatHash({ page: 'maps', tab: 'sightings', filter: { individualId: id } })}>
          Open in Maps
        </a>
      </Text>
    </div>
  )
}
