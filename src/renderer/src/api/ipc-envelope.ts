import type { ApiErrorBody, AppApi, Args, RequestName, Result } from '@shared/contract'
import { ApiError, isApiErrorBody } from './api-error'

/** What src/main's dispatch answers every request with, on both doors. */
type Envelope = { ok: true; result: unknown } | { ok: false; status: number; body: ApiErrorBody }

function isEnvelope(value: unknown): value is Envelope {
  if (typeof value !== 'object' || value === null || !('ok' in value)) return false
  const answer = value as Record<string, unknown>
  if (answer.ok === true) return 'result' in answer
  return answer.ok === false && isApiErrorBody(answer.body)
}

/**
 * The preload forwards ipcRenderer.invoke's answer as it comes; if that is dispatch's envelope
 * rather than the bare result, open it here (and turn a failure into the thrown ApiError the
 * pages expect). No result in the contract has an `ok` field, so a bare result passes untouched.
 */
export function unwrapEnvelopes(api: AppApi): AppApi {
  return {
    async request<K extends RequestName>(name: K, args: Args<K>): Promise<Result<K>> {
      const answer: unknown = await api.request(name, args)
      if (!isEnvelope(answer)) return answer as Result<K>
      if (answer.ok) return answer.result as Result<K>
      throw new ApiError(answer.body.error, answer.body.code, answer.status)
    },
    on: (event, listener) => api.on(event, listener),
    imageUrl: (kind, photoId) => api.imageUrl(kind, photoId)
  }
}
