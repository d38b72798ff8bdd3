// When a finished job deserves a notification, and what it says: one rule for the Electron
// main process (native notifications) and the browser (Notification API or an in-app notice).
import type { JobInfo } from './contract'

/** Jobs shorter than this finished while the user was still looking: no notice. */
export const NOTICE_AFTER_SECONDS = 10

const KINDS = new Set(['import', 'train', 'embed', 'projection'])

export interface JobNotice {
  title: string
  body: string
  failed: boolean
}

export function jobNotice(job: JobInfo): JobNotice | null {
  if (!KINDS.has(job.kind) || !job.finishedAt) return null
  if (job.state !== 'done' && job.state !== 'failed') return null
  const seconds = (Date.parse(job.finishedAt) - Date.parse(job.startedAt)) / 1000
  if (!(seconds >= NOTICE_AFTER_SECONDS)) return null
  if (job.state === 'failed') {
    return { title: `${job.title} failed`, body: job.error ?? 'See the Jobs page.', failed: true }
  }
  const added = job.result?.added
  const body =
    added !== undefined
      ? `${added} photo${added === 1 ? '' : 's'} added${job.result?.rejected?.length ? `, ${job.result.rejected.length} refused` : ''}`
      : job.message || 'Done'
  return { title: `${job.title}: done`, body, failed: false }
}
