// A native notification when a long job ends while the app is not in front; the rule for which
// jobs and what to say is shared with the browser (src/shared/job-notice.ts).
import { Notification, type BrowserWindow } from 'electron'
import type { JobInfo } from '../../shared/contract'
import type { AppCore } from '../core/app-core'
import { jobNotice } from '../../shared/job-notice'

export function setupJobNotifications(core: AppCore, windows: () => BrowserWindow[]): void {
  core.onEvent((name, payload) => {
    if (name !== 'job' || !Notification.isSupported()) return
    const notice = jobNotice(payload as JobInfo)
    if (!notice || windows().some((w) => !w.isDestroyed() && w.isFocused())) return
    new Notification({ title: notice.title, body: notice.body }).show()
  })
}
