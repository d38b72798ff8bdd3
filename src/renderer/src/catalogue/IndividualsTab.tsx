import { useMemo, useRef, useState } from 'react'
import { Group, Loader, SegmentedControl, Text, TextInput } from '@mantine/core'
import { useVirtualizer } from '@tanstack/react-virtual'
import type { IndividualSummary } from '@shared/contract'
import { useCatalogChanged } from '../api/use-event'
import { useRequest } from '../api/use-request'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { formatCount, formatDay, formatNumber } from '../common/format'
import { SearchIcon } from '../common/icons'
import { Thumb } from '../common/Thumb'
import { formatHash } from '../router/routes'
import { sortIndividuals, type IndividualSort } from './individual-sort'
import classes from './IndividualsTab.module.css'

const ROW_HEIGHT = 64

export function IndividualsTab() {
  const individuals = useRequest('individuals.list', {})
  useCatalogChanged(individuals.reload)
  const [query, setQuery] = useState('')
  const [sort, setSort] = useState<IndividualSort>('name')
  const all = individuals.data
  const shown = useMemo(() => sortIndividuals(all ?? [], query, sort), [all, query, sort])

  return (
    <>
      <Group gap="sm" mb="md">
        <TextInput
          placeholder="Search by name"
          leftSection={<SearchIcon size={16} />}
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          w={260}
          aria-label="Search individuals"
        />
        <SegmentedControl
          value={sort}
          onChange={(value) => setSort(value)}
          data={[
            { value: 'name', label: 'Name' },
            { value: 'photos', label: 'Most photos' },
            { value: 'lastSeen', label: 'Last seen' }
          ]}
          aria-label="Sort individuals"
        />
        <Text size="sm" c="dimmed" ml="auto" data-testid="individual-count">
          {all && formatCount(shown.length, 'individual')}
        </Text>
        {individuals.loading && <Loader size={14} aria-label="Loading individuals" />}
      </Group>
      {individuals.error && (
        <ApiErrorAlert error={individuals.error} onRetry={individuals.reload} />
      )}
      {all && <IndividualTable individuals={shown} searching={query.trim() !== ''} />}
    </>
  )
}

function IndividualTable(props: { individuals: IndividualSummary[]; searching: boolean }) {
  const { individuals, searching } = props
  const scrollRef = useRef<HTMLDivElement>(null)
  // eslint-disable-next-line react-hooks/incompatible-library -- its results are only read here
  const virtualizer = useVirtualizer({
    count: individuals.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6
  })

  return (
    <div className={classes.table} role="table" aria-label="Individuals">
      <div className={classes.head} role="row">
        <span role="columnheader">Cover</span>
        <span role="columnheader">Name</span>
        <span role="columnheader" className={classes.num}>
          Photos
        </span>
        <span role="columnheader">First seen</span>
        <span role="columnheader">Last seen</span>
      </div>
      <div ref={scrollRef} className={classes.scroller}>
        {individuals.length === 0 && (
          <div className={classes.empty}>
            {searching ? 'No individual has that name.' : 'No individuals yet.'}
          </div>
        )}
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((item) => {
            const individual = individuals[item.index]
            if (!individual) return null
            return <IndividualRow key={individual.id} individual={individual} top={item.start} />
          })}
        </div>
      </div>
    </div>
  )
}

function IndividualRow({ individual, top }: { individual: IndividualSummary; top: number }) {
  return (
    <a
      className={classes.row}
      href={formatHash({ page: 'individual', id: individual.id })}
      style={{ height: ROW_HEIGHT, transform: `translateY(${top}px)` }}
      role="row"
      data-testid="individual-row"
    >
      <span role="cell">
        <Thumb photoId={individual.coverPhotoId} alt="" width={72} height={48} />
      </span>
      <span role="cell" className={classes.name}>
        {individual.name}
      </span>
      <span role="cell" className={classes.num}>
        {formatNumber(individual.photoCount)}
      </span>
      <span role="cell">{formatDay(individual.firstSeen)}</span>
      <span role="cell">{formatDay(individual.lastSeen)}</span>
    </a>
  )
}
