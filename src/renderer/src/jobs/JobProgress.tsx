import { Group, Progress, Text } from '@mantine/core'
import type { JobInfo } from '@shared/contract'
import { isActive } from '../api/merge-jobs'
import { formatEta, formatNumber, percent } from '../common/format'

/** Bar, count, message and ETA; a job without a total yet shows a moving full bar. */
export function JobProgress({ job }: { job: JobInfo }) {
  const active = isActive(job)
  const known = job.total > 0
  const value = known ? percent(job.current, job.total) : active ? 100 : 0
  const eta = active ? formatEta(job.etaSeconds) : null
  const color = job.state === 'failed' ? 'red' : job.state === 'cancelled' ? 'orange' : undefined
  return (
    <div>
      <Progress
        value={value}
        color={color}
        size="md"
        striped={active}
        animated={active}
        aria-label={`${job.title} progress`}
        transitionDuration={200}
      />
      <Group justify="space-between" gap="xs" mt={6} wrap="nowrap">
        <Text size="sm" c="dimmed" truncate="end" style={{ minWidth: 0 }} data-testid="job-message">
          {job.message || (job.state === 'queued' ? 'Waiting to start…' : '\u00a0')}
        </Text>
        <Text
          size="sm"
          c="dimmed"
          style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}
        >
          {known && `${formatNumber(job.current)} / ${formatNumber(job.total)}`}
          {known && eta && ' · '}
          {eta}
        </Text>
      </Group>
    </div>
  )
}
