import { Group, Loader, Text } from '@mantine/core'
import type { PhotoFilter } from '@shared/contract'
import { useCatalogChanged } from '../api/use-event'
import { useRequest } from '../api/use-request'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { formatCount } from '../common/format'
import { navigate } from '../router/use-route'
import { EmptyCatalogue, NoMatches } from './EmptyCatalogue'
import { isFiltered, PhotoFilters } from './PhotoFilters'
import { PhotoGrid } from './PhotoGrid'

export function PhotosTab({ filter }: { filter: PhotoFilter }) {
  // The last grid stays on screen while a new filter loads, rather than blinking empty.
  const photos = useRequest('photos.list', { filter }, { keepPrevious: true })
  const individuals = useRequest('individuals.list', {})
  const batches = useRequest('batches.list', {})
  useCatalogChanged(() => {
    photos.reload()
    individuals.reload()
    batches.reload()
  })

  const setFilter = (next: PhotoFilter) =>
    navigate({ page: 'catalogue', tab: 'photos', filter: next }, { replace: true })
  const filtered = isFiltered(filter)
  const list = photos.data

  return (
    <>
      <PhotoFilters
        filter={filter}
        onChange={setFilter}
        individuals={individuals.data ?? []}
        batches={batches.data ?? []}
      />
      <Group gap="xs" mt="md" mb="xs" h={24}>
        {/* Only a count for the filter on screen: never the last filter's while this one loads. */}
        {list && !photos.previous && (
          <Text fw={500} size="sm" data-testid="photo-count">
            {formatCount(list.length, 'photo')}
          </Text>
        )}
        {photos.loading && <Loader size={14} aria-label="Loading photos" />}
      </Group>
      {photos.error && <ApiErrorAlert error={photos.error} onRetry={photos.reload} />}
      {list && list.length === 0 && !photos.loading ? (
        filtered ? (
          <NoMatches onClear={() => setFilter({})} />
        ) : (
          <EmptyCatalogue />
        )
      ) : (
        list && (
          <PhotoGrid
            photos={list}
            memoryKey={JSON.stringify(filter)}
            fill
            dimmed={photos.previous}
          />
        )
      )}
    </>
  )
}
