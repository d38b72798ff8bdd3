import { describe, expect, it } from 'vitest'
import type { AppApi } from '@shared/contract'
import { ApiError } from './api-error'
import { unwrapEnvelopes } from './ipc-envelope'

function bridge(answer: unknown): AppApi {
  return {
    request: () => Promise.resolve(answer as never),
    on: () => () => undefined,
    imageUrl: (kind, id) => `fp-img://${kind}/${id}`
  }
}

describe('unwrapEnvelopes', () => {
  it("opens dispatch's success envelope", async () => {
    const api = unwrapEnvelopes(bridge({ ok: true, result: [1, 2] }))
    expect(await api.request('jobs.list', {})).toEqual([1, 2])
  })

  it("throws dispatch's failure as an ApiError", async () => {
    const body = { error: 'No catalogue is open', code: 'no-catalog' }
    const api = unwrapEnvelopes(bridge({ ok: false, status: 409, body }))
    const error: unknown = await api.request('photos.list', { filter: {} }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ message: 'No catalogue is open', code: 'no-catalog' })
  })

  it('passes bare results through, null included', async () => {
    expect(await unwrapEnvelopes(bridge(null)).request('catalog.close', {})).toBeNull()
    const info = { path: '/c', catalogId: 'x' }
    expect(await unwrapEnvelopes(bridge(info)).request('catalog.close', {})).toEqual(info)
  })

  it('keeps image addresses', () => {
    expect(unwrapEnvelopes(bridge(null)).imageUrl('thumb', 'p1')).toBe('fp-img://thumb/p1')
  })
})
