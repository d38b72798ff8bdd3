import { Badge, Group, ScrollArea, Stack, Table, Text, Tooltip } from '@mantine/core'
import type { SheetPreview } from '@shared/contract'
import { formatDateTime, formatNumber } from '../common/format'

/** The column mapping, then the rows as they would be imported, problems first in red. */
export function SheetPreviewTable({ preview }: { preview: SheetPreview }) {
  const bad = preview.totalRows - preview.good
  return (
    <Stack gap="sm" data-testid="sheet-preview">
      <Text size="sm" data-testid="sheet-summary">
        {formatNumber(preview.totalRows)} rows{preview.worksheet ? ` in ${preview.worksheet}` : ''}:{' '}
        {formatNumber(preview.good)} will import ({formatNumber(preview.photos)} photos),{' '}
        {formatNumber(bad)} with problems. Nothing has been written yet.
      </Text>
      <Group gap={6} data-testid="sheet-columns">
        {preview.columns.map((column, i) => (
          <Tooltip key={i} label={column.note ?? `read as ${column.field}`}>
            <Badge
              variant={column.field ? 'light' : 'outline'}
              color={column.field ? 'blue' : 'gray'}
            >
              {column.header}
              {column.field ? ` → ${column.field}` : ' (not imported)'}
            </Badge>
          </Tooltip>
        ))}
      </Group>
      <ScrollArea.Autosize mah={360}>
        <Table striped withTableBorder fz="sm" data-testid="sheet-rows">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              <Table.Th>Photo</Table.Th>
              <Table.Th>Individual</Table.Th>
              <Table.Th>Taken</Table.Th>
              <Table.Th>Position</Table.Th>
              <Table.Th>Problems</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((row) => (
              <Table.Tr key={row.row} data-testid="sheet-row" data-bad={row.errors.length > 0}>
                <Table.Td>{row.row}</Table.Td>
                <Table.Td>{row.file || '—'}</Table.Td>
                <Table.Td>{row.individual ?? '—'}</Table.Td>
                <Table.Td>{formatDateTime(row.takenAt)}</Table.Td>
                <Table.Td>
                  {row.latitude !== null && row.longitude !== null
                    ? `${row.latitude}, ${row.longitude}`
                    : '—'}
                </Table.Td>
                <Table.Td c={row.errors.length ? 'red' : undefined}>
                  {row.errors.join('; ') || 'ok'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea.Autosize>
      {preview.rows.length < preview.totalRows && (
        <Text size="xs" c="dimmed">
          Showing every row with a problem and the first good ones.
        </Text>
      )}
    </Stack>
  )
}
