import { Anchor, Table, Text } from '@mantine/core'
import type { ChangeView } from '@shared/contract'
import { formatCount, formatDateTime } from '../common/format'
import { formatHash } from '../router/routes'

/** Merges and splits this individual took part in, newest first. */
export function ChangeHistory({ changes, selfId }: { changes: ChangeView[]; selfId: string }) {
  if (changes.length === 0) return null
  const link = (id: string | null, name: string | null) =>
    id && id !== selfId ? (
      <Anchor href={formatHash({ page: 'individual', id })} size="sm">
        {name}
      </Anchor>
    ) : (
      (name ?? 'none')
    )
  return (
    <Table withTableBorder mb="md" data-testid="change-history">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Change</Table.Th>
          <Table.Th>Flukes</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {changes.map((change) => (
          <Table.Tr key={change.id} data-testid="change-row">
            <Table.Td>{formatDateTime(change.at)}</Table.Td>
            <Table.Td>
              <Text span size="sm" fw={600}>
                {change.kind === 'merge' ? 'Merged' : 'Split'}
              </Text>{' '}
              {link(change.fromId, change.from)} → {link(change.toId, change.to)}
            </Table.Td>
            <Table.Td>
              <Text size="sm">{formatCount(change.annotations, 'fluke')}</Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
