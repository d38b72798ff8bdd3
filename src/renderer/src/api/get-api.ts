import type { AppApi } from '@shared/contract'
import { createHttpApi } from './http-client'
import { browserToken } from './token'

let cached: AppApi | null = null

/**
 * The preload's bridge inside Electron (it unwraps dispatch's answers and throws on errors);
 * otherwise the web host that served this page.
 */
export function getApi(): AppApi {
  if (cached) return cached
  cached = window.api ?? createHttpApi({ token: browserToken() ?? '' })
  return cached
}
