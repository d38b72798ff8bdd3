import { Fragment, useState } from 'react'
import { Badge, Button, Loader, Group, Table, Text, Title } from '@mantine/core'
import type { BatchSummary } from '@shared/contract'
import type { BatchState, ImportKind } from '@shared/domain'
import { useCatalogChanged } from '../api/use-event'
import { useRequest } from '../api/use-request'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { formatNumber, formatShortTime } from '../common/format'
import { RejectedTable } from './RejectedTable'

const KIND: Record<ImportKind, string> = {
  folder: 'Folder',
  'kaggle-csv': 'Kaggle CSV',
  spreadsheet: 'Spreadsheet',
  demo: 'Demo'
}
const STATE_COLOR: Record<BatchState, string> = {
  running: 'blue',
  done: 'teal',
  cancelled: 'orange',
  failed: 'red',
  interrupted: 'yellow'
}

/** Every import into this catalogue, newest first, each with the files it turned away. */
export function BatchList() {
  const batches = useRequest('batches.list', {})
  const { reload } = batches
  useCatalogChanged(reload, 1000)
  const [open, setOpen] = useState<string | null>(null)
  const list = [...(batches.data ?? [])].sort((a, b) => b.startedAt.localeCompare(a.startedAt))

  return (
    <div>
      <Group gap="xs" mb="xs">
        <Title order={3} size="h4">
          Previous imports
        </Title>
        {batches.loading && <Loader size={14} aria-label="Loading imports" />}
      </Group>
      {batches.error && <ApiErrorAlert error={batches.error} onRetry={reload} />}
      {batches.data && list.length === 0 && (
        <Text size="sm" c="dimmed">
          Nothing has been imported into this catalogue yet.
        </Text>
      )}
      {list.length > 0 && (
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="sm" highlightOnHover data-testid="batch-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Import</Table.Th>
                <Table.Th>Started</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th ta="right">Added</Table.Th>
                <Table.Th ta="right">Duplicates</Table.Th>
                <Table.Th ta="right">Rejected</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.map((batch) => (
                <Fragment key={batch.id}>
                  <BatchRow
                    batch={batch}
                    open={open === batch.id}
                    onToggle={() => setOpen(open === batch.id ? null : batch.id)}
                  />
                  {/* Rendered only when open, so hidden rejected rows never count as shown. */}
                  {open === batch.id && (
                    <Table.Tr>
                      <Table.Td colSpan={6} p="md">
                        <RejectedTable rejected={batch.rejected} />
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </div>
  )
}

function BatchRow(props: { batch: BatchSummary; open: boolean; onToggle: () => void }) {
  const { batch, open, onToggle } = props
  return (
    <Table.Tr data-testid="batch-row">
      <Table.Td maw={420}>
        <Text size="sm" fw={500} truncate="end">
          {batch.label}
        </Text>
        <Text size="xs" c="dimmed" ff="monospace" truncate="start" title={batch.source}>
          {KIND[batch.kind]} · {batch.source}
        </Text>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatShortTime(batch.startedAt)}</Table.Td>
      <Table.Td>
        <Badge variant="light" color={STATE_COLOR[batch.state]}>
          {batch.state}
        </Badge>
      </Table.Td>
      <Table.Td ta="right">{formatNumber(batch.added)}</Table.Td>
      <Table.Td ta="right">{formatNumber(batch.duplicates)}</Table.Td>
      <Table.Td ta="right">
        {batch.rejected.length === 0 ? (
          '0'
        ) : (
          <Button
            variant="subtle"
            size="compact-sm"
            onClick={onToggle}
            aria-expanded={open}
            data-testid="batch-rejected-toggle"
          >
            {formatNumber(batch.rejected.length)} {open ? '▴' : '▾'}
          </Button>
        )}
      </Table.Td>
    </Table.Tr>
  )
}
