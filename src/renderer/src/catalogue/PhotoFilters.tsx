import { Button, Group, Select, Switch, TextInput } from '@mantine/core'
import type { BatchSummary, IndividualSummary, PhotoFilter } from '@shared/contract'
import { formatShortTime } from '../common/format'

interface Props {
  filter: PhotoFilter
  onChange: (filter: PhotoFilter) => void
  individuals: readonly IndividualSummary[]
  batches: readonly BatchSummary[]
}

export function isFiltered(filter: PhotoFilter): boolean {
  return Boolean(
    filter.individualId || filter.unassigned || filter.batchId || filter.dateFrom || filter.dateTo
  )
}

export function PhotoFilters({ filter, onChange, individuals, batches }: Props) {
  const set = (patch: PhotoFilter) => onChange(withoutEmpty({ ...filter, ...patch }))
  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label="Individual"
        placeholder={filter.unassigned ? 'Unassigned only' : 'Any individual'}
        data={individuals.map((i) => ({ value: i.id, label: i.name }))}
        value={filter.individualId ?? null}
        onChange={(id) => set({ individualId: id ?? undefined })}
        disabled={filter.unassigned}
        searchable
        clearable
        // A long option list is slow to open; searching narrows it instead.
        limit={200}
        nothingFoundMessage="No individual by that name"
        w={220}
        data-testid="filter-individual"
      />
      <Select
        label="Import batch"
        placeholder="Any batch"
        data={batches.map((b) => ({
          value: b.id,
          label: `${b.label} · ${formatShortTime(b.startedAt).slice(0, 10)}`
        }))}
        value={filter.batchId ?? null}
        onChange={(id) => set({ batchId: id ?? undefined })}
        clearable
        w={240}
        data-testid="filter-batch"
      />
      <TextInput
        type="date"
        label="Taken from"
        value={filter.dateFrom ?? ''}
        max={filter.dateTo}
        onChange={(event) => set({ dateFrom: event.currentTarget.value })}
        w={160}
        data-testid="filter-date-from"
      />
      <TextInput
        type="date"
        label="Taken until"
        value={filter.dateTo ?? ''}
        min={filter.dateFrom}
        onChange={(event) => set({ dateTo: event.currentTarget.value })}
        w={160}
        data-testid="filter-date-to"
      />
      <Switch
        label="Unassigned only"
        checked={filter.unassigned ?? false}
        onChange={(event) =>
          set({ unassigned: event.currentTarget.checked, individualId: undefined })
        }
        mb={8}
        data-testid="filter-unassigned"
      />
      {isFiltered(filter) && (
        <Button variant="subtle" size="sm" onClick={() => onChange({})}>
          Clear filters
        </Button>
      )}
    </Group>
  )
}

/** Unset fields are left out, so the URL and the request carry only what is chosen. */
function withoutEmpty(filter: PhotoFilter): PhotoFilter {
  const out: PhotoFilter = {}
  if (filter.individualId) out.individualId = filter.individualId
  if (filter.unassigned) out.unassigned = true
  if (filter.batchId) out.batchId = filter.batchId
  if (filter.dateFrom) out.dateFrom = filter.dateFrom
  if (filter.dateTo) out.dateTo = filter.dateTo
  return out
}
