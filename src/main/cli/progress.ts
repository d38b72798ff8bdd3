// A job's progress as one line on stderr: rewritten in place on a terminal, a line every few
// seconds in a log.
import type { JobInfo } from '../../shared/contract'
import type { AppCore } from '../core/app-core'

const LOG_EVERY_MS = 5000

export function progressPrinter(stream: NodeJS.WriteStream = process.stderr) {
  let lastLog = 0
  return {
    update(job: JobInfo) {
      const total = job.total > 0 ? `/${job.total}` : ''
      const eta = job.etaSeconds !== null ? `, ${Math.ceil(job.etaSeconds)} s left` : ''
      const line = `${job.title}: ${job.current}${total} ${job.message}${eta}`
      if (stream.isTTY) stream.write(`\r\x1b[K${line}`)
      else if (Date.now() - lastLog > LOG_EVERY_MS || job.finishedAt) {
        lastLog = Date.now()
        stream.write(`${line}\n`)
      }
    },
    done() {
      if (stream.isTTY) stream.write('\n')
    }
  }
}

/** For engine work reported as (stage, done, total): a line per stage change and every few seconds. */
export function stageReporter(stream: NodeJS.WriteStream = process.stderr) {
  let lastStage = ''
  let lastLog = 0
  return (stage: string, done: number, total: number) => {
    const now = Date.now()
    if (stage === lastStage && now - lastLog < LOG_EVERY_MS && done < total) return
    lastStage = stage
    lastLog = now
    stream.write(`${stage} ${done}/${total}\n`)
  }
}

/**
 * Runs one of the app's jobs from the command line: its progress on stderr, Ctrl+C or SIGTERM
 * cancels it (the job stops cleanly, keeping what it finished). Resolves with the job's end.
 */
export async function followJob(
  core: AppCore,
  start: () => JobInfo | Promise<JobInfo>
): Promise<JobInfo> {
  const printer = progressPrinter()
  const unsubscribe = core.onEvent((name, payload) => {
    if (name === 'job') printer.update(payload as JobInfo)
  })
  const job = await start()
  const cancel = () => core.jobs.cancel(job.id)
  process.once('SIGINT', cancel)
  process.once('SIGTERM', cancel)
  try {
    return await core.jobs.wait(job.id)
  } finally {
    printer.done()
    process.off('SIGINT', cancel)
    process.off('SIGTERM', cancel)
    unsubscribe()
  }
}
