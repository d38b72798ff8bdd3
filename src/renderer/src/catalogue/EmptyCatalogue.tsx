import { useState } from 'react'
import { Button, EmptyState, Loader } from '@mantine/core'
import { useApi } from '../api/ApiContext'
import { useJobs } from '../api/JobsProvider'
import { isActive } from '../api/merge-jobs'
import { useAppInfo } from '../app/AppInfoContext'
import { ApiErrorAlert } from '../common/ApiErrorAlert'
import { PhotosIcon, SearchIcon } from '../common/icons'

export function EmptyCatalogue() {
  const api = useApi()
  const { info, reload } = useAppInfo()
  const jobs = useJobs()
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  async function openDemo() {
    setBusy(true)
    try {
      await api.request('catalog.openDemo', { path: info.defaultDemoPath })
      jobs.reload()
      reload()
    } catch (err) {
      setError(err)
    } finally {
      setBusy(false)
    }
  }

  if (jobs.jobs.some(isActive)) {
    return (
      <EmptyState
        mt="xl"
        icon={<Loader size="md" />}
        title="Importing…"
        description="The first photos will appear here in a moment."
        data-testid="empty-catalogue"
      />
    )
  }

  return (
    <EmptyState
      mt="xl"
      withIndicatorBackground
      icon={<PhotosIcon size={28} />}
      title="This catalogue has no photos yet"
      description="Import a folder of fluke photos, or an existing catalogue from a Kaggle-style train.csv. Thumbnails appear here while the import runs."
      data-testid="empty-catalogue"
    >
      <EmptyState.Actions>
        <Button component="a" href="#/import">
          Import photos
        </Button>
        <Button variant="default" loading={busy} onClick={() => void openDemo()}>
          Open the demo catalogue instead
        </Button>
      </EmptyState.Actions>
      {error !== null && <ApiErrorAlert error={error} onClose={() => setError(null)} />}
    </EmptyState>
  )
}

export function NoMatches({ onClear }: { onClear: () => void }) {
  return (
    <EmptyState
      mt="xl"
      withIndicatorBackground
      icon={<SearchIcon size={28} />}
      title="No photos match these filters"
      description="Widen the dates, or choose another individual or batch."
    >
      <EmptyState.Actions>
        <Button variant="default" onClick={onClear}>
          Clear filters
        </Button>
      </EmptyState.Actions>
    </EmptyState>
  )
}
