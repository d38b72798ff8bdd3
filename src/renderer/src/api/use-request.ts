import { useCallback, useEffect, useState } from 'react'
import type { Args, RequestName, Result } from '@shared/contract'
import { toError } from './api-error'
import { useApi } from './ApiContext'

export interface RequestState<T> {
  data: T | undefined
  error: Error | null
  /** True while the answer for the current arguments (or the latest reload) is outstanding. */
  loading: boolean
  /** `data` answers earlier arguments (kept by `keepPrevious` while the new answer loads). */
  previous: boolean
  reload: () => void
}

interface Options {
  /** Don't ask at all (e.g. an id is missing yet). */
  skip?: boolean
  /** Keep showing the last answer while different arguments load, instead of nothing. */
  keepPrevious?: boolean
}

interface Settled<T> {
  key: string
  round: number
  data: T | undefined
  error: Error | null
}

/** One request, re-sent when its arguments change (compared by value) or on reload(). */
export function useRequest<K extends RequestName>(
  name: K,
  args: Args<K>,
  { skip = false, keepPrevious = false }: Options = {}
): RequestState<Result<K>> {
  const api = useApi()
  const key = JSON.stringify([name, args])
  const [round, setRound] = useState(0)
  const [settled, setSettled] = useState<Settled<Result<K>>>({
    key: '',
    round: -1,
    data: undefined,
    error: null
  })

  useEffect(() => {
    if (skip) return
    // Answers to superseded arguments arrive late and must not overwrite newer ones.
    let current = true
    const [requestName, requestArgs] = JSON.parse(key) as [K, Args<K>]
    api.request(requestName, requestArgs).then(
      (data) => {
        if (current) setSettled({ key, round, data, error: null })
      },
      (error: unknown) => {
        if (!current) return
        setSettled((last) => ({
          key,
          round,
          data: last.key === key ? last.data : undefined,
          error: toError(error)
        }))
      }
    )
    return () => {
      current = false
    }
  }, [api, key, round, skip])

  const reload = useCallback(() => setRound((r) => r + 1), [])
  const fresh = settled.key === key
  return {
    data: fresh || keepPrevious ? settled.data : undefined,
    error: fresh ? settled.error : null,
    loading: !skip && (!fresh || settled.round !== round),
    previous: !fresh && keepPrevious && settled.data !== undefined,
    reload
  }
}
