import { Group, Paper, Stack, Text } from '@mantine/core'
import type { JobInfo } from '@shared/contract'
import { isActive } from '../api/merge-jobs'
import { formatShortTime } from '../common/format'
import { CancelJobButton } from './CancelJobButton'
import { JobProgress } from './JobProgress'
import { JobStateBadge } from './JobStateBadge'

export function JobRow({ job }: { job: JobInfo }) {
  return (
    <Paper withBorder p="md" data-testid="job-row" data-job-id={job.id} data-state={job.state}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
            <JobStateBadge state={job.state} />
            <Text fw={600} truncate="end">
              {job.title}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
              {timing(job)}
            </Text>
            {isActive(job) && <CancelJobButton job={job} />}
          </Group>
        </Group>
        <JobProgress job={job} />
        {job.error && (
          <Text size="sm" c="red" data-testid="job-error" style={{ overflowWrap: 'anywhere' }}>
            {job.error}
          </Text>
        )}
      </Stack>
    </Paper>
  )
}

function timing(job: JobInfo): string {
  const started = `Started ${formatShortTime(job.startedAt)}`
  if (!job.finishedAt) return started
  const seconds = (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000
  return Number.isFinite(seconds) ? `${started} · took ${formatDuration(seconds)}` : started
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.max(0, Math.round(seconds))} s`
  const minutes = Math.round(seconds / 60)
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`
}
