// Long work (import, thumbnails, later training) as jobs: an id, a state, progress, cancel.
// Jobs run one at a time, in order, so two imports never race on the same catalogue.
import { randomUUID } from 'node:crypto'
import type { JobInfo, JobResult, TrainingView } from '../../shared/contract'
import { errorMessage } from '../errors'

export interface JobContext {
  readonly signal: AbortSignal
  progress(current: number, total: number, message?: string): void
  /** A training job's live curve; sent with the next progress event. */
  showTraining(view: TrainingView): void
}

export type JobRun = (context: JobContext) => Promise<JobResult | null>

interface Entry {
  info: JobInfo
  controller: AbortController
  run: JobRun
  done: Promise<JobInfo>
  settle: (info: JobInfo) => void
}

/** Progress events at most this often per job; the final state is always sent. */
const PROGRESS_INTERVAL_MS = 150
const KEEP_FINISHED = 50

export class JobManager {
  private readonly entries = new Map<string, Entry>()
  private queue: Promise<void> = Promise.resolve()

  constructor(private readonly onChange: (info: JobInfo) => void) {}

  start(kind: string, title: string, run: JobRun): JobInfo {
    const info: JobInfo = {
      id: randomUUID(),
      kind,
      title,
      state: 'queued',
      current: 0,
      total: 0,
      message: 'Waiting for the jobs before it',
      startedAt: new Date().toISOString(),
      finishedAt: null,
      etaSeconds: null,
      error: null,
      result: null,
      training: null
    }
    let settle: (info: JobInfo) => void = () => undefined
    const done = new Promise<JobInfo>((resolve) => (settle = resolve))
    const entry: Entry = { info, controller: new AbortController(), run, done, settle }
    this.entries.set(info.id, entry)
    this.prune()
    this.queue = this.queue.then(() => this.execute(entry))
    this.onChange({ ...info })
    return { ...info }
  }

  list(): JobInfo[] {
    return [...this.entries.values()].map((e) => ({ ...e.info })).reverse()
  }

  get(id: string): JobInfo | null {
    const entry = this.entries.get(id)
    return entry ? { ...entry.info } : null
  }

  /** Resolves with the final state of the job. */
  wait(id: string): Promise<JobInfo> {
    const entry = this.entries.get(id)
    if (!entry) return Promise.reject(new Error(`No job ${id}`))
    return entry.done
  }

  cancel(id: string): boolean {
    const entry = this.entries.get(id)
    if (!entry || (entry.info.state !== 'queued' && entry.info.state !== 'running')) return false
    entry.controller.abort()
    if (entry.info.state === 'running') this.update(entry, { message: 'Cancelling…' }, true)
    return true
  }

  cancelAll(): void {
    for (const id of this.entries.keys()) this.cancel(id)
  }

  private async execute(entry: Entry): Promise<void> {
    const { info, controller } = entry
    if (controller.signal.aborted) return this.finish(entry, 'cancelled', null, null)
    const started = Date.now()
    this.update(
      entry,
      { state: 'running', message: 'Starting', startedAt: new Date().toISOString() },
      true
    )
    let lastSent = 0
    const context: JobContext = {
      signal: controller.signal,
      progress: (current, total, message) => {
        const elapsed = (Date.now() - started) / 1000
        const etaSeconds =
          current > 0 && total > current ? (elapsed / current) * (total - current) : null
        const now = Date.now()
        const force = now - lastSent >= PROGRESS_INTERVAL_MS
        if (force) lastSent = now
        this.update(entry, { current, total, etaSeconds, message: message ?? info.message }, force)
      },
      showTraining: (view) => this.update(entry, { training: view }, false)
    }
    try {
      const result = await entry.run(context)
      this.finish(entry, controller.signal.aborted ? 'cancelled' : 'done', result, null)
    } catch (error) {
      const cancelled = controller.signal.aborted
      this.finish(
        entry,
        cancelled ? 'cancelled' : 'failed',
        null,
        cancelled ? null : errorMessage(error)
      )
    }
  }

  private finish(
    entry: Entry,
    state: JobInfo['state'],
    result: JobResult | null,
    error: string | null
  ) {
    const message = state === 'done' ? 'Finished' : state === 'cancelled' ? 'Cancelled' : 'Failed'
    this.update(
      entry,
      { state, result, error, message, etaSeconds: null, finishedAt: new Date().toISOString() },
      true
    )
    entry.settle({ ...entry.info })
  }

  private update(entry: Entry, change: Partial<JobInfo>, emit: boolean): void {
    Object.assign(entry.info, change)
    if (emit) this.onChange({ ...entry.info })
  }

  private prune(): void {
    const finished = [...this.entries.values()].filter((e) => e.info.finishedAt !== null)
    for (const old of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) {
      this.entries.delete(old.info.id)
    }
  }
}
