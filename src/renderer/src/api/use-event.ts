import { useEffect, useEffectEvent } from 'react'
import type { EventName, Events } from '@shared/contract'
import { useApi } from './ApiContext'

/** Calls `listener` for every `name` event while the component is mounted. */
export function useEvent<E extends EventName>(name: E, listener: (payload: Events[E]) => void) {
  const api = useApi()
  const onEvent = useEffectEvent(listener)
  useEffect(() => api.on(name, (payload) => onEvent(payload)), [api, name])
}

/**
 * Runs `refresh` after `catalog.changed`, at most once per `delayMs`: an import sends a stream of
 * changes, and the page should catch up while it runs rather than only once it stops.
 */
export function useCatalogChanged(refresh: () => void, delayMs = 500) {
  const api = useApi()
  const onRefresh = useEffectEvent(refresh)
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    const off = api.on('catalog.changed', () => {
      timer ??= setTimeout(() => {
        timer = null
        onRefresh()
      }, delayMs)
    })
    return () => {
      off()
      if (timer) clearTimeout(timer)
    }
  }, [api, delayMs])
}
