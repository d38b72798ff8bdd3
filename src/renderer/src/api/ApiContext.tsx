import { createContext, use, type ReactNode } from 'react'
import type { AppApi } from '@shared/contract'

const ApiContext = createContext<AppApi | null>(null)

export function ApiProvider({ api, children }: { api: AppApi; children: ReactNode }) {
  return <ApiContext value={api}>{children}</ApiContext>
}

export function useApi(): AppApi {
  const api = use(ApiContext)
  if (!api) throw new Error('useApi() needs an <ApiProvider> above it')
  return api
}
