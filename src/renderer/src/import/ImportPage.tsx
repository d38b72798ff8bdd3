import { useEffect, useState } from 'react'
import { SimpleGrid, Stack, Text, Title } from '@mantine/core'
import type { JobStarted } from '@shared/contract'
import { useApi } from '../api/ApiContext'
import { useJob, useJobs } from '../api/JobsProvider'
import { isActive } from '../api/merge-jobs'
import { useEvent } from '../api/use-event'
import { useAppInfo } from '../app/AppInfoContext'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { Page } from '../layout/Shell'
import { BatchList } from './BatchList'
import { FolderImportCard, KaggleImportCard } from './ImportCards'
import { ImportStatus } from './ImportStatus'
import { SheetImportCard } from './SheetImportCard'
import { loadTrackedJob, onTrackedJob, saveTrackedJob } from './tracked-import'

export function ImportPage() {
  const api = useApi()
  const { nativeDialogs } = useAppInfo().info
  const jobs = useJobs()
  const [restored] = useState(loadTrackedJob)
  const [jobId, setJobId] = useState(restored)
  const [error, setError] = useState<unknown>(null)
  const [starting, setStarting] = useState(false)
  const [batchesRound, setBatchesRound] = useState(0)
  const job = useJob(jobId)
  useEffect(() => onTrackedJob(setJobId), [])

  // The batch list is asked again (remounted) when the import ends: its new entry is complete.
  useEvent('job', (event) => {
    if (event.id === jobId && !isActive(event)) setBatchesRound((n) => n + 1)
  })

  function track(id: string | null) {
    saveTrackedJob(id)
    setJobId(id)
  }

  async function start(request: () => Promise<JobStarted>) {
    setStarting(true)
    setError(null)
    try {
      const { jobId: started } = await request()
      track(started)
      // In case the job's first event went out before this page listened.
      jobs.reload()
    } catch (err) {
      setError(err)
    } finally {
      setStarting(false)
    }
  }

  const busy = starting || (job !== null && isActive(job))
  // A job remembered from before a restart of the host is gone from its list: nothing to show.
  const lost = jobId !== null && jobId === restored && job === null && jobs.loaded
  return (
    <Page>
      <Stack gap="lg" maw={1200}>
        <div>
          <Title order={2}>Import</Title>
          <Text size="sm" c="dimmed">
            Bring photos into this catalogue. Imports run in the background; the catalogue fills in
            as they go.
          </Text>
        </div>
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
          <FolderImportCard
            nativeDialogs={nativeDialogs}
            busy={busy}
            onStart={(folder) => void start(() => api.request('import.folder', { folder }))}
          />
          <KaggleImportCard
            nativeDialogs={nativeDialogs}
            busy={busy}
            onStart={(csv, images) =>
              void start(() => api.request('import.kaggle', { csv, images }))
            }
          />
        </SimpleGrid>
        <SheetImportCard
          nativeDialogs={nativeDialogs}
          busy={busy}
          onStart={(sheet) => void start(() => api.request('import.sheet', { sheet }))}
        />
        {error !== null && (
          <ApiErrorAlert
            error={error}
            title="The import could not start"
            onClose={() => setError(null)}
          />
        )}
        {jobId !== null && !lost && <ImportStatus job={job} onDismiss={() => track(null)} />}
        <BatchList key={batchesRound} />
      </Stack>
    </Page>
  )
}
