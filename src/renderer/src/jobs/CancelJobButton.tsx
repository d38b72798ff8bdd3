import { useState } from 'react'
import { Button, Tooltip } from '@mantine/core'
import type { JobInfo } from '@shared/contract'
import { errorMessage } from '../api/api-error'
import { useApi } from '../api/ApiContext'

export function CancelJobButton({ job }: { job: JobInfo }) {
  const api = useApi()
  const [asked, setAsked] = useState(false)
  const [error, setError] = useState<string | null>(null)
  return (
    <Tooltip label={error ?? ''} disabled={!error} color="red">
      <Button
        size="xs"
        variant="light"
        color="red"
        // The job ends on its own schedule; the button waits for the `job` event that says so.
        loading={asked}
        onClick={() => {
          setAsked(true)
          setError(null)
          api.request('jobs.cancel', { id: job.id }).catch((e: unknown) => {
            setAsked(false)
            setError(errorMessage(e))
          })
        }}
        data-testid="job-cancel"
      >
        Cancel
      </Button>
    </Tooltip>
  )
}
