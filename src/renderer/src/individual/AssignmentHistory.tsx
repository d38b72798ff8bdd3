import { Anchor, Table, Text } from '@mantine/core'
import type { AssignmentView } from '@shared/contract'
import { formatDateTime } from '../common/format'
import { formatHash } from '../router/routes'

const BY: Record<AssignmentView['by'], string> = {
  import: 'import',
  user: 'you',
  match: 'matching'
}

/** How each photo came to this individual (or left it), newest first. */
export function AssignmentHistory({ history }: { history: AssignmentView[] }) {
  if (history.length === 0) return <Text c="dimmed">No assignments recorded.</Text>
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped withTableBorder data-testid="assignment-history">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Photo</Table.Th>
            <Table.Th>Change</Table.Th>
            <Table.Th>By</Table.Th>
            <Table.Th>Model</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {history.map((row, i) => (
            <Table.Tr key={i} data-testid="assignment-row">
              <Table.Td>{formatDateTime(row.at)}</Table.Td>
              <Table.Td>
                {row.photoId ? (
                  <Anchor href={formatHash({ page: 'photo', id: row.photoId })} size="sm">
                    {row.fileName}
                  </Anchor>
                ) : (
                  row.fileName
                )}
              </Table.Td>
              <Table.Td>
                {row.from ?? 'unassigned'} → {row.to ?? 'unassigned'}
                {row.note && (
                  <Text span size="xs" c="dimmed">
                    {' '}
                    ({row.note})
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{BY[row.by]}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace">
                  {row.modelId ?? '—'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
