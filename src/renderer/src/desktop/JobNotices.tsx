import { useState } from 'react'
import { Notification as NoticeCard, Stack } from '@mantine/core'
import type { JobInfo } from '@shared/contract'
import { jobNotice, type JobNotice } from '@shared/job-notice'
import { useAppInfo } from '../app/AppInfoContext'
import { useEvent } from '../api/use-event'

const SHOW_MS = 8000

/**
 * Says when a long job ends. Electron's main process shows a native notification; in a browser
 * the Notification API is used when the user allowed it and the tab is hidden, else (or as
 * well, while the tab is visible) a notice in the window.
 */
export function JobNotices() {
  const { info } = useAppInfo()
  const [notices, setNotices] = useState<(JobNotice & { id: string })[]>([])

  useEvent('job', (job: JobInfo) => {
    const notice = jobNotice(job)
    if (!notice) return
    const browserNotification =
      info.host === 'web' &&
      document.visibilityState === 'hidden' &&
      'Notification' in window &&
      Notification.permission === 'granted'
    if (browserNotification) {
      new Notification(notice.title, { body: notice.body })
      return
    }
    if (info.host === 'electron' && !document.hasFocus()) return // the native one shows
    setNotices((list) => [...list.filter((n) => n.id !== job.id), { ...notice, id: job.id }])
    setTimeout(() => setNotices((list) => list.filter((n) => n.id !== job.id)), SHOW_MS)
  })

  if (notices.length === 0) return null
  return (
    <Stack gap="xs" style={{ position: 'fixed', top: 68, right: 16, zIndex: 300, width: 360 }}>
      {notices.map((n) => (
        <NoticeCard
          key={n.id}
          title={n.title}
          color={n.failed ? 'red' : 'teal'}
          onClose={() => setNotices((list) => list.filter((x) => x.id !== n.id))}
          data-testid="job-notice"
        >
          {n.body}
        </NoticeCard>
      ))}
    </Stack>
  )
}
