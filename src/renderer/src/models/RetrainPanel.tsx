import { useState } from 'react'
import { Alert, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core'
import type { JobInfo, ModelSummary } from '@shared/contract'
import { errorMessage } from '../api/api-error'
import { useApi } from '../api/ApiContext'
import { useJobs } from '../api/JobsProvider'
import { isActive } from '../api/merge-jobs'
import { CancelJobButton } from '../jobs/CancelJobButton'
import { JobProgress } from '../jobs/JobProgress'
import { ModelComparison } from './ModelComparison'
import { TrainingChart } from './TrainingChart'

/** Minutes; half a minute is a quick check that the new labels help. */
const DURATIONS = ['0.5', '1', '5', '10', '30']
const durationLabel = (d: string) => (d === '0.5' ? '30 s' : `${d} min`)

/** The one-click retrain: choose how long, press, watch, then keep or switch. */
export function RetrainPanel({ models, loaded }: { models: ModelSummary[]; loaded: boolean }) {
  const api = useApi()
  const { jobs } = useJobs()
  const [minutes, setMinutes] = useState('5')
  const [error, setError] = useState<string | null>(null)
  const [startedId, setStartedId] = useState<string | null>(null)
  // The newest training job, whether started here or before a reload.
  const job = jobs.find((j) => j.id === startedId) ?? jobs.find((j) => j.kind === 'train') ?? null
  const running = job !== null && isActive(job)

  const start = (value: number) => {
    setError(null)
    api.request('models.train', { minutes: value }).then(
      ({ jobId }) => setStartedId(jobId),
      (err: unknown) => setError(errorMessage(err))
    )
  }

  return (
    <Paper withBorder p="md" data-testid="retrain-panel">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Retrain
        </Title>
        {loaded && models.length === 0 && <FirstModel onBuiltIn={() => start(0)} busy={running} />}
        <Group gap="md" align="center">
          <SegmentedControl
            value={minutes}
            onChange={setMinutes}
            data={DURATIONS.map((d) => ({ value: d, label: durationLabel(d) }))}
            aria-label="Training time"
            data-testid="retrain-minutes"
            disabled={running}
          />
          <Button
            onClick={() => start(Number(minutes))}
            disabled={running}
            data-testid="retrain-button"
          >
            Retrain
          </Button>
        </Group>
        <Text size="xs" c="dimmed">
          Trains on every confirmed photo (poor-quality ones excluded) and on rejected matches. The
          model in use stays in use until you choose the new one.
        </Text>
        {error && (
          <Alert color="red" data-testid="retrain-error">
            {error}
          </Alert>
        )}
        {job && <TrainingJob job={job} models={models} />}
      </Stack>
    </Paper>
  )
}

function FirstModel({ onBuiltIn, busy }: { onBuiltIn: () => void; busy: boolean }) {
  return (
    <Alert color="blue" title="No model yet" data-testid="first-model">
      <Stack gap="xs">
        <Text size="sm">
          Flukeprint ships an image model that already tells flukes apart reasonably well. Use it to
          get suggestions now, then press Retrain once you have confirmed matches (or imported a
          labelled catalogue) to teach it your whales.
        </Text>
        <Group>
          <Button
            size="xs"
            variant="light"
            onClick={onBuiltIn}
            disabled={busy}
            data-testid="use-built-in"
          >
            Use the built-in model
          </Button>
        </Group>
      </Stack>
    </Alert>
  )
}

function TrainingJob({ job, models }: { job: JobInfo; models: ModelSummary[] }) {
  const trained = models.find((m) => m.id === job.result?.modelId) ?? null
  return (
    <Stack gap="xs" data-testid="training-job" data-state={job.state}>
      <Group justify="space-between">
        <Text fw={600}>{job.title}</Text>
        {isActive(job) && <CancelJobButton job={job} />}
      </Group>
      <JobProgress job={job} />
      {job.training && isActive(job) && (
        <Text size="xs" c="dimmed" data-testid="training-elapsed">
          Training for {clock(job.current)} of {clock(job.training.minutes * 60)}
        </Text>
      )}
      {job.training && job.training.curve.length > 0 && (
        <TrainingChart
          curve={job.training.curve}
          seconds={job.training.minutes * 60}
          testId="training-chart"
        />
      )}
      {job.state === 'failed' && (
        <Alert color="red" title="Training failed; the model in use is unchanged">
          {job.error}
        </Alert>
      )}
      {job.state === 'cancelled' && (
        <Text size="sm" c="dimmed">
          Cancelled: nothing was saved and the model in use is unchanged.
        </Text>
      )}
      {job.state === 'done' && trained && <ModelComparison model={trained} models={models} />}
    </Stack>
  )
}

/** Seconds as m:ss. */
function clock(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds))
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}
