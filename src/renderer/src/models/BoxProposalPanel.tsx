import { useState } from 'react'
import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core'
import type { BoxProposalQuality } from '@shared/contract'
import { errorMessage } from '../api/api-error'
import { useApi } from '../api/ApiContext'
import { useCatalogChanged } from '../api/use-event'
import { useJobs } from '../api/JobsProvider'
import { isActive } from '../api/merge-jobs'
import { useRequest } from '../api/use-request'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { JobProgress } from '../jobs/JobProgress'

/** How well boxes are proposed at import, and learning from the boxes checked by hand. */
export function BoxProposalPanel() {
  const api = useApi()
  const { jobs } = useJobs()
  const quality = useRequest('boxes.quality', {}, { keepPrevious: true })
  useCatalogChanged(quality.reload)
  const [error, setError] = useState<string | null>(null)
  const job = jobs.find((j) => j.kind === 'train-boxes') ?? null
  const running = job !== null && isActive(job)
  const data = quality.data

  const learn = () => {
    setError(null)
    api.request('boxes.train', {}).then(
      () => undefined,
      (err: unknown) => setError(errorMessage(err))
    )
  }

  return (
    <Paper withBorder p="md" data-testid="box-proposals">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            Box proposals
          </Title>
          {data && (
            <Badge variant="light" data-testid="box-proposer-in-use">
              {data.inUse === 'untrained' ? 'Untrained method in use' : 'Learned proposer in use'}
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" maw={760}>
          Import proposes a box around each fluke. Boxes you save in the photo editor (moved or
          confirmed as fine) teach a learned proposer; it proposes boxes for new imports only when
          it finds the checked boxes it did not learn from better than the untrained method does.
        </Text>
        {quality.error && <ApiErrorAlert error={quality.error} onRetry={quality.reload} />}
        {data && <QualityTable data={data} />}
        <Group gap="md">
          <Button
            variant="light"
            onClick={learn}
            disabled={running || !data || data.checkedBoxes < data.needed}
            data-testid="learn-boxes"
          >
            Learn from checked boxes
          </Button>
          {data && (
            <Text size="sm" c="dimmed" data-testid="checked-boxes">
              {data.checkedBoxes} checked box{data.checkedBoxes === 1 ? '' : 'es'}
              {data.checkedBoxes < data.needed ? ` (needs ${data.needed})` : ''}
            </Text>
          )}
        </Group>
        {error && (
          <Alert color="red" data-testid="learn-boxes-error">
            {error}
          </Alert>
        )}
        {job && running && <JobProgress job={job} />}
        {job?.state === 'failed' && (
          <Alert color="red" title="Learning failed; proposals are unchanged">
            {job.error}
          </Alert>
        )}
      </Stack>
    </Paper>
  )
}

function QualityTable({ data }: { data: BoxProposalQuality }) {
  const latest = data.latest
  if (!latest) {
    return (
      <Text size="sm" data-testid="proposal-quality-none">
        Not measured yet: learn from checked boxes to compare the two methods on them.
      </Text>
    )
  }
  const learnedInUse = data.inUse === latest.id
  const rows = [
    { method: 'Learned proposer', iou: latest.learnedIoU, inUse: learnedInUse },
    { method: 'Untrained method', iou: latest.untrainedIoU, inUse: data.inUse === 'untrained' }
  ]
  return (
    <Stack gap={4}>
      <Table withTableBorder maw={520} data-testid="proposal-quality">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Method</Table.Th>
            <Table.Th>Mean IoU with checked boxes</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={row.method} data-testid="proposal-quality-row">
              <Table.Td>{row.method}</Table.Td>
              <Table.Td>{row.iou.toFixed(3)}</Table.Td>
              <Table.Td>{row.inUse ? <Badge size="sm">in use</Badge> : null}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" data-testid="proposal-quality-measured-on">
        Measured on {latest.heldOut} checked boxes the learned proposer did not learn from (it
        learned from {latest.trainedOn}), {new Date(latest.createdAt).toLocaleString()}. 1.0 would
        be the same box as yours.
      </Text>
    </Stack>
  )
}
