import type { JobInfo, JobState } from '@shared/contract'

const STAGE: Record<JobState, number> = {
  queued: 0,
  running: 1,
  done: 2,
  failed: 2,
  cancelled: 2
}

export function isActive(job: JobInfo): boolean {
  return job.state === 'queued' || job.state === 'running'
}

/** Further along: a job only moves forward through its states, and its count only grows. */
function isFurther(a: JobInfo, b: JobInfo): boolean {
  if (STAGE[a.state] !== STAGE[b.state]) return STAGE[a.state] > STAGE[b.state]
  return a.current > b.current
}

/** An event always wins: the stream is in order, so it is the newest word on that job. */
export function applyJobEvent(jobs: ReadonlyMap<string, JobInfo>, job: JobInfo) {
  const next = new Map(jobs)
  next.set(job.id, job)
  return next
}

/**
 * The initial `jobs.list` can cross events already received on the other connection; for a job
 * seen both ways, keep whichever is further along.
 */
export function applyJobList(jobs: ReadonlyMap<string, JobInfo>, list: readonly JobInfo[]) {
  const next = new Map(jobs)
  for (const job of list) {
    const seen = next.get(job.id)
    if (!seen || isFurther(job, seen)) next.set(job.id, job)
  }
  return next
}

/** Newest first. */
export function sortJobs(jobs: Iterable<JobInfo>): JobInfo[] {
  return [...jobs].sort((a, b) => b.startedAt.localeCompare(a.startedAt))
}
