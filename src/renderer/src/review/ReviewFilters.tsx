import { memo } from 'react'
import { Button, Group, Select, TextInput } from '@mantine/core'
import type { ReviewFilter, ReviewQueue } from '@shared/contract'

interface Props {
  queue: ReviewQueue | undefined
  filter: ReviewFilter
  onFilter: (filter: ReviewFilter) => void
}

const DAY = /^\d{4}-\d{2}-\d{2}$/

// Memoised: the review screen re-renders on every key press, these rarely change.
export const ReviewFilters = memo(function ReviewFilters({ queue, filter, onFilter }: Props) {
  const set = (patch: Partial<ReviewFilter>) => {
    const next = { ...filter, ...patch }
    for (const key of Object.keys(next) as (keyof ReviewFilter)[]) if (!next[key]) delete next[key]
    onFilter(next)
  }
  const day = (value: string) => (DAY.test(value) ? value : undefined)
  return (
    <Group gap="xs" align="flex-end" data-testid="review-filters">
      <Select
        label="Import"
        placeholder="All imports"
        clearable
        w={200}
        size="xs"
        value={filter.batchId ?? null}
        data={(queue?.batches ?? []).map((b) => ({
          value: b.id,
          label: `${b.label} (${b.count})`
        }))}
        onChange={(value) => set({ batchId: value ?? undefined })}
      />
      <Select
        label="Sighting (day and place)"
        placeholder="All sightings"
        clearable
        w={220}
        size="xs"
        value={filter.sightingId ?? null}
        data={(queue?.sightings ?? []).map((s) => ({
          value: s.id,
          label: `${s.label} (${s.count})`
        }))}
        onChange={(value) => set({ sightingId: value ?? undefined })}
      />
      <TextInput
        label="From"
        placeholder="YYYY-MM-DD"
        size="xs"
        w={110}
        defaultValue={filter.dateFrom ?? ''}
        onBlur={(e) => set({ dateFrom: day(e.currentTarget.value) })}
      />
      <TextInput
        label="To"
        placeholder="YYYY-MM-DD"
        size="xs"
        w={110}
        defaultValue={filter.dateTo ?? ''}
        onBlur={(e) => set({ dateTo: day(e.currentTarget.value) })}
      />
      {Object.keys(filter).length > 0 && (
        <Button size="xs" variant="subtle" onClick={() => onFilter({})}>
          Clear
        </Button>
      )}
    </Group>
  )
})
