import { Center, EmptyState, Loader, Stack, Text, Title } from '@mantine/core'
import { useJobs } from '../api/JobsProvider'
import { isActive } from '../api/merge-jobs'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { JobsIcon } from '../common/icons'
import { Page } from '../layout/Shell'
import { JobRow } from './JobRow'
import { NotifyButton } from '../desktop/NotifyButton'

export function JobsPage() {
  const { jobs, loaded, error, reload } = useJobs()
  const running = jobs.filter(isActive).length
  return (
    <Page>
      <Stack gap="md" maw={960}>
        <div>
          <Title order={2}>Jobs</Title>
          <Text c="dimmed" size="sm">
            Imports and other long work run in the background; you can keep working meanwhile.
            {running > 0 && ` ${running} running now.`}
          </Text>
        </div>
        <NotifyButton />
        {error && <ApiErrorAlert error={error} onRetry={reload} />}
        {!loaded && !error && (
          <Center p="xl">
            <Loader aria-label="Loading jobs" />
          </Center>
        )}
        {loaded && jobs.length === 0 && (
          <EmptyState
            mt="xl"
            withIndicatorBackground
            icon={<JobsIcon size={28} />}
            title="No jobs yet"
            description="Imports you start appear here with their progress."
          />
        )}
        {jobs.map((job) => (
          <JobRow key={job.id} job={job} />
        ))}
      </Stack>
    </Page>
  )
}
