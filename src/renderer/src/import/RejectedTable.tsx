import { useState } from 'react'
import { Button, ScrollArea, Table, Text } from '@mantine/core'
import type { RejectedFile } from '@shared/domain'

// Thousands of rows (a folder of sidecar files, say) would slow the page for no reader's gain.
const FIRST = 200

export function RejectedTable({ rejected }: { rejected: readonly RejectedFile[] }) {
  const [all, setAll] = useState(false)
  if (rejected.length === 0) return null
  const shown = all ? rejected : rejected.slice(0, FIRST)
  return (
    <div>
      <ScrollArea.Autosize mah={360} type="auto" offsetScrollbars>
        <Table striped stickyHeader verticalSpacing={6} fz="sm" data-testid="rejected-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>File</Table.Th>
              <Table.Th>Reason</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r, index) => (
              <Table.Tr key={`${index}:${r.file}`} data-testid="rejected-row">
                <Table.Td ff="monospace" fz="xs" style={{ overflowWrap: 'anywhere' }}>
                  {r.file}
                </Table.Td>
                <Table.Td>{r.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {shown.length < rejected.length && (
        <Text size="sm" c="dimmed" mt="xs">
          Showing {shown.length} of {rejected.length}.{' '}
          <Button variant="subtle" size="compact-sm" onClick={() => setAll(true)}>
            Show all
          </Button>
        </Text>
      )}
    </div>
  )
}
