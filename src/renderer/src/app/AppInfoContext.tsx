import { createContext, use, type ReactNode } from 'react'
import type { AppInfo } from '@shared/contract'

interface AppInfoState {
  info: AppInfo
  /** Ask the core again, e.g. after opening or closing a catalogue. */
  reload: () => void
}

const AppInfoContext = createContext<AppInfoState | null>(null)

export function AppInfoProvider({ value, children }: { value: AppInfoState; children: ReactNode }) {
  return <AppInfoContext value={value}>{children}</AppInfoContext>
}

export function useAppInfo(): AppInfoState {
  const state = use(AppInfoContext)
  if (!state) throw new Error('useAppInfo() needs an <AppInfoProvider> above it')
  return state
}
