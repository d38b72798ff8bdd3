import { useEffect } from 'react'
import { Alert, Center, Loader, Stack, Text } from '@mantine/core'
import { useJob } from '../api/JobsProvider'
import { useCatalogChanged } from '../api/use-event'
import { useRequest } from '../api/use-request'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { JobProgress } from '../jobs/JobProgress'
import { EmbeddingMapView } from './EmbeddingMapView'

/** Asks for the map; while its job draws it, shows the job, then asks again. */
export function EmbeddingMapPanel() {
  const reply = useRequest('views.embeddingMap', {}, { keepPrevious: true })
  useCatalogChanged(reply.reload, 2000)
  const job = useJob(reply.data?.jobId ?? null)
  const finished = job?.state === 'done'
  const { reload } = reply
  useEffect(() => {
    if (finished) reload()
  }, [finished, reload])
  const map = reply.data?.map ?? null
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed" maw={760}>
        Each point is a fluke as the model in use sees it: close points look alike to it. A fluke
        sitting among another individual&apos;s colour, or ringed, is worth a second look.
      </Text>
      {reply.error && <ApiErrorAlert error={reply.error} onRetry={reply.reload} />}
      {job && job.state !== 'done' && (
        <Stack gap={4} maw={560} data-testid="embedding-map-job">
          {job.state === 'failed' || job.state === 'cancelled' ? (
            <Alert color="red" title="The embedding map could not be drawn">
              {job.error ?? 'The job was cancelled.'}
            </Alert>
          ) : (
            <JobProgress job={job} />
          )}
        </Stack>
      )}
      {!map && !reply.error && !job && (
        <Center p="xl">
          <Loader aria-label="Loading the embedding map" />
        </Center>
      )}
      {map && <EmbeddingMapView map={map} />}
    </Stack>
  )
}
