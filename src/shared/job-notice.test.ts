import { describe, expect, it } from 'vitest'
import type { JobInfo } from './contract'
import { jobNotice } from './job-notice'

const job = (over: Partial<JobInfo>): JobInfo => ({
  id: 'j',
  kind: 'import',
  title: 'Import card 1',
  state: 'done',
  current: 1,
  total: 1,
  message: 'Finished',
  startedAt: '2024-01-01T10:00:00.000Z',
  finishedAt: '2024-01-01T10:01:00.000Z',
  etaSeconds: null,
  error: null,
  result: { added: 12, rejected: [{ file: 'a.jpg', reason: 'corrupt' }] },
  training: null,
  ...over
})

describe('jobNotice', () => {
  it('announces a long import with what it added and refused', () => {
    expect(jobNotice(job({}))).toEqual({
      title: 'Import card 1: done',
      body: '12 photos added, 1 refused',
      failed: false
    })
  })

  it('announces failures with their error', () => {
    expect(jobNotice(job({ state: 'failed', error: 'disk full' }))).toMatchObject({
      title: 'Import card 1 failed',
      body: 'disk full',
      failed: true
    })
  })

  it('stays quiet for short, running, cancelled or unlisted jobs', () => {
    expect(jobNotice(job({ finishedAt: '2024-01-01T10:00:05.000Z' }))).toBeNull()
    expect(jobNotice(job({ state: 'running', finishedAt: null }))).toBeNull()
    expect(jobNotice(job({ state: 'cancelled' }))).toBeNull()
    expect(jobNotice(job({ kind: 'thumbnails' }))).toBeNull()
  })
})
