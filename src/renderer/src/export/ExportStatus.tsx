import { Alert, Card, Code, Group, Stack, Text } from '@mantine/core'
import type { JobInfo } from '@shared/contract'
import { isActive } from '../api/merge-jobs'
import { CancelJobButton } from '../jobs/CancelJobButton'
import { JobProgress } from '../jobs/JobProgress'
import { RejectedTable } from '../import/RejectedTable'

/** The running export's progress, then where it went and what could not be included. */
export function ExportStatus({ job }: { job: JobInfo }) {
  const skipped = job.result?.rejected ?? []
  return (
    <Card withBorder padding="lg" data-testid="export-status" data-state={job.state}>
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={500}>{job.title}</Text>
          {isActive(job) && <CancelJobButton job={job} />}
        </Group>
        <JobProgress job={job} />
        {job.state === 'done' && (
          <Text size="sm" data-testid="export-done">
            {job.result?.written ?? 0} written to <Code>{job.result?.outPath}</Code>
          </Text>
        )}
        {job.state === 'failed' && (
          <Alert color="red" title="The export failed; nothing was written">
            {job.error}
          </Alert>
        )}
        {skipped.length > 0 && <RejectedTable rejected={skipped} />}
      </Stack>
    </Card>
  )
}
