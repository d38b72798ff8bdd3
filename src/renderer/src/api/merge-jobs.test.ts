import { describe, expect, it } from 'vitest'
import type { JobInfo } from '@shared/contract'
import { applyJobEvent, applyJobList, sortJobs } from './merge-jobs'

function job(patch: Partial<JobInfo>): JobInfo {
  return {
    id: 'j1',
    kind: 'import',
    title: 'Import',
    state: 'running',
    current: 0,
    total: 10,
    message: '',
    startedAt: '2024-01-01T00:00:00Z',
    finishedAt: null,
    etaSeconds: null,
    error: null,
    result: null,
    training: null,
    ...patch
  }
}

describe('job merging', () => {
  it('lets every event replace its job', () => {
    let jobs = applyJobEvent(new Map(), job({ current: 5 }))
    jobs = applyJobEvent(jobs, job({ current: 6 }))
    expect(jobs.get('j1')?.current).toBe(6)
  })

  it('keeps an event that is further along than the list', () => {
    const jobs = applyJobEvent(new Map(), job({ state: 'done', current: 10 }))
    const merged = applyJobList(jobs, [job({ state: 'running', current: 9 })])
    expect(merged.get('j1')?.state).toBe('done')
  })

  it('takes the list where it is further along, and adds jobs no event mentioned', () => {
    const jobs = applyJobEvent(new Map(), job({ current: 2 }))
    const merged = applyJobList(jobs, [job({ current: 4 }), job({ id: 'j2' })])
    expect(merged.get('j1')?.current).toBe(4)
    expect(merged.has('j2')).toBe(true)
  })

  it('sorts newest first', () => {
    const sorted = sortJobs([
      job({ id: 'a', startedAt: '2024-01-01T00:00:00Z' }),
      job({ id: 'b', startedAt: '2024-02-01T00:00:00Z' })
    ])
    expect(sorted.map((j) => j.id)).toEqual(['b', 'a'])
  })
})
