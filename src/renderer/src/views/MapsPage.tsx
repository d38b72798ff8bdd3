import { Group, Select, Stack, Tabs, Text, Title } from '@mantine/core'
import type { MapFilter } from '@shared/contract'
import { useCatalogChanged } from '../api/use-event'
import { useRequest } from '../api/use-request'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { formatCount } from '../common/format'
import { Page } from '../layout/Shell'
import type { MapsTab } from '../router/routes'
import { navigate } from '../router/use-route'
import { EmbeddingMapPanel } from './EmbeddingMapPanel'
import { SightingMap } from './SightingMap'

export function MapsPage({ tab, filter }: { tab: MapsTab; filter: MapFilter }) {
  const go = (next: { tab?: MapsTab; filter?: MapFilter }) =>
    navigate({ page: 'maps', tab: next.tab ?? tab, filter: next.filter ?? filter })
  return (
    <Page>
      <Stack gap="lg" data-testid="maps-page">
        <Title order={2}>Maps</Title>
        <Tabs
          value={tab}
          onChange={(value) => go({ tab: value === 'embeddings' ? value : 'sightings' })}
        >
          <Tabs.List>
            <Tabs.Tab value="sightings" data-testid="maps-tab-sightings">
              Sightings
            </Tabs.Tab>
            <Tabs.Tab value="embeddings" data-testid="maps-tab-embeddings">
              Embedding map
            </Tabs.Tab>
          </Tabs.List>
        </Tabs>
        {tab === 'sightings' ? (
          <SightingsPanel filter={filter} onFilter={(f) => go({ filter: f })} />
        ) : (
          <EmbeddingMapPanel />
        )}
      </Stack>
    </Page>
  )
}

function SightingsPanel({
  filter,
  onFilter
}: {
  filter: MapFilter
  onFilter: (filter: MapFilter) => void
}) {
  const map = useRequest('views.sightings', { filter }, { keepPrevious: true })
  const batches = useRequest('batches.list', {})
  const individuals = useRequest('individuals.list', {})
  useCatalogChanged(map.reload)
  const set = (field: keyof MapFilter, value: string | null) => {
    const next = { ...filter }
    if (value) next[field] = value
    else delete next[field]
    onFilter(next)
  }
  return (
    <Stack gap="sm">
      <Group gap="md" align="flex-end">
        <Select
          label="Import or survey"
          placeholder="All"
          clearable
          searchable
          w={260}
          value={filter.batchId ?? null}
          onChange={(v) => set('batchId', v)}
          data={(batches.data ?? []).map((b) => ({ value: b.id, label: b.label }))}
          data-testid="map-filter-batch"
        />
        <Select
          label="Individual"
          placeholder="All"
          clearable
          searchable
          w={220}
          value={filter.individualId ?? null}
          onChange={(v) => set('individualId', v)}
          data={(individuals.data ?? []).map((i) => ({ value: i.id, label: i.name }))}
          data-testid="map-filter-individual"
        />
        {map.data && (
          <Text size="sm" c="dimmed" pb={6}>
            {formatCount(map.data.points.length, 'sighting')} on the map
            {map.data.withoutPlace > 0 &&
              `; ${formatCount(map.data.withoutPlace, 'sighting')} without a position`}
          </Text>
        )}
      </Group>
      {map.error && <ApiErrorAlert error={map.error} onRetry={map.reload} />}
      {map.data && <SightingMap points={map.data.points} testId="sightings-map" />}
    </Stack>
  )
}
