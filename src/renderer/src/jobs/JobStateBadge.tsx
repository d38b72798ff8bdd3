import { Badge } from '@mantine/core'
import type { JobState } from '@shared/contract'

const LOOK: Record<JobState, { color: string; label: string }> = {
  queued: { color: 'gray', label: 'Queued' },
  running: { color: 'blue', label: 'Running' },
  done: { color: 'teal', label: 'Done' },
  failed: { color: 'red', label: 'Failed' },
  cancelled: { color: 'orange', label: 'Cancelled' }
}

export function JobStateBadge({ state }: { state: JobState }) {
  const { color, label } = LOOK[state]
  return (
    <Badge color={color} variant="light" data-testid="job-state" data-state={state}>
      {label}
    </Badge>
  )
}
