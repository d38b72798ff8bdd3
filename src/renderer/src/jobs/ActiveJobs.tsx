import { Group, Paper, Stack, Text } from '@mantine/core'
import { useJobs } from '../api/JobsProvider'
import { isActive } from '../api/merge-jobs'
import { CancelJobButton } from './CancelJobButton'
import { JobProgress } from './JobProgress'

/** Running work shown where its results appear, e.g. an import above the growing grid. */
export function ActiveJobs() {
  const active = useJobs().jobs.filter(isActive)
  if (active.length === 0) return null
  return (
    <Stack gap="xs" mb="md" data-testid="active-jobs">
      {active.map((job) => (
        <Paper key={job.id} withBorder p="sm">
          <Group justify="space-between" mb={6} wrap="nowrap">
            <Text size="sm" fw={600} truncate="end">
              {job.title}
            </Text>
            <CancelJobButton job={job} />
          </Group>
          <JobProgress job={job} />
        </Paper>
      ))}
    </Stack>
  )
}
