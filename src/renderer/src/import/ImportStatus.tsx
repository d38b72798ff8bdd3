import { Button, CloseButton, Group, Paper, Progress, SimpleGrid, Stack, Text } from '@mantine/core'
import type { JobInfo } from '@shared/contract'
import { isActive } from '../api/merge-jobs'
import { formatNumber } from '../common/format'
import { CancelJobButton } from '../jobs/CancelJobButton'
import { JobProgress } from '../jobs/JobProgress'
import { JobStateBadge } from '../jobs/JobStateBadge'
import { RejectedTable } from './RejectedTable'

interface Props {
  job: JobInfo | null
  onDismiss: () => void
}

/** The import this page started: its progress while it runs, then what it did. */
export function ImportStatus({ job, onDismiss }: Props) {
  if (!job) {
    return (
      <Paper withBorder p="md" data-testid="import-progress">
        <Text fw={600} mb="xs">
          Starting the import…
        </Text>
        <Progress value={100} striped animated aria-label="Starting" />
      </Paper>
    )
  }
  if (isActive(job)) {
    return (
      <Paper withBorder p="md" data-testid="import-progress">
        <Group justify="space-between" mb="sm" wrap="nowrap">
          <Text fw={600} truncate="end">
            {job.title}
          </Text>
          <CancelJobButton job={job} />
        </Group>
        <JobProgress job={job} />
      </Paper>
    )
  }
  return <ImportSummary job={job} onDismiss={onDismiss} />
}

function ImportSummary({ job, onDismiss }: { job: JobInfo; onDismiss: () => void }) {
  const result = job.result ?? {}
  const rejected = result.rejected ?? []
  return (
    <Paper withBorder p="md" data-testid="import-summary" data-state={job.state}>
      <Stack gap="md">
        <Group justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <JobStateBadge state={job.state} />
            <Text fw={600} truncate="end">
              {job.title}
            </Text>
          </Group>
          <CloseButton aria-label="Dismiss" onClick={onDismiss} />
        </Group>
        {job.error && (
          <Text c="red" size="sm" style={{ overflowWrap: 'anywhere' }}>
            {job.error}
          </Text>
        )}
        <SimpleGrid cols={3} spacing="sm" maw={520}>
          <Figure label="Added" value={result.added} testId="summary-added" />
          <Figure
            label="Duplicates skipped"
            value={result.duplicates}
            testId="summary-duplicates"
          />
          <Figure label="Rejected" value={rejected.length} testId="summary-rejected" />
        </SimpleGrid>
        {rejected.length > 0 && (
          <div>
            <Text size="sm" fw={600} mb={4}>
              Files not imported
            </Text>
            <RejectedTable rejected={rejected} />
          </div>
        )}
        {result.added !== undefined && result.added > 0 && (
          <Group>
            <Button component="a" href="#/catalogue" variant="light">
              See the photos
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  )
}

function Figure(props: { label: string; value: number | undefined; testId: string }) {
  return (
    <div>
      <Text
        size="xl"
        fw={700}
        data-testid={props.testId}
        style={{ fontVariantNumeric: 'tabular-nums' }}
      >
        {props.value === undefined ? '—' : formatNumber(props.value)}
      </Text>
      <Text size="xs" c="dimmed">
        {props.label}
      </Text>
    </div>
  )
}
