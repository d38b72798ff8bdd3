import {
  createContext,
  use,
  useCallback,
  useEffect,
  useMemo,
  useState,
  type ReactNode
} from 'react'
import type { JobInfo } from '@shared/contract'
import { toError } from './api-error'
import { useApi } from './ApiContext'
import { applyJobEvent, applyJobList, sortJobs } from './merge-jobs'

export interface JobsState {
  /** Newest first. */
  jobs: JobInfo[]
  loaded: boolean
  error: Error | null
  reload: () => void
}

const JobsContext = createContext<JobsState | null>(null)

/** One live list of jobs for the whole window: the navbar badge, Jobs and Import all read it. */
export function JobsProvider({ children }: { children: ReactNode }) {
  const api = useApi()
  const [byId, setById] = useState<ReadonlyMap<string, JobInfo>>(() => new Map())
  const [loaded, setLoaded] = useState(false)
  const [error, setError] = useState<Error | null>(null)
  const [round, setRound] = useState(0)

  useEffect(() => api.on('job', (job) => setById((jobs) => applyJobEvent(jobs, job))), [api])

  useEffect(() => {
    let current = true
    api.request('jobs.list', {}).then(
      (list) => {
        if (!current) return
        setById((jobs) => applyJobList(jobs, list))
        setLoaded(true)
        setError(null)
      },
      (err: unknown) => {
        if (current) setError(toError(err))
      }
    )
    return () => {
      current = false
    }
  }, [api, round])

  const reload = useCallback(() => setRound((r) => r + 1), [])
  const value = useMemo(
    () => ({ jobs: sortJobs(byId.values()), loaded, error, reload }),
    [byId, loaded, error, reload]
  )
  return <JobsContext value={value}>{children}</JobsContext>
}

export function useJobs(): JobsState {
  const state = use(JobsContext)
  if (!state) throw new Error('useJobs() needs a <JobsProvider> above it')
  return state
}

export function useJob(id: string | null): JobInfo | null {
  const { jobs } = useJobs()
  return id === null ? null : (jobs.find((job) => job.id === id) ?? null)
}
