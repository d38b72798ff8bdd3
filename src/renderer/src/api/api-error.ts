import type { ApiErrorBody } from '@shared/contract'

/** The core's codes, plus the two failures only a client can see. */
export type ApiErrorCode = ApiErrorBody['code'] | 'network' | 'no-token'

/** An error the core meant the user to read, with its machine-readable code kept beside it. */
export class ApiError extends Error {
  readonly code: ApiErrorCode
  readonly status: number | null

  constructor(message: string, code: ApiErrorCode, status: number | null = null) {
    super(message)
    this.name = 'ApiError'
    this.code = code
    this.status = status
  }
}

// Electron wraps a rejected ipcMain handler as "Error invoking remote method 'x': Error: msg";
// the user should read only the core's message.
const IPC_PREFIX = /^Error invoking remote method '[^']*': (?:\w*Error: )?/

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message.replace(IPC_PREFIX, '')
  if (typeof error === 'string') return error
  return 'Unexpected error'
}

export function toError(error: unknown): Error {
  if (error instanceof Error) return error
  return new Error(errorMessage(error))
}

export function isApiErrorBody(value: unknown): value is ApiErrorBody {
  if (typeof value !== 'object' || value === null) return false
  const body = value as Record<string, unknown>
  return typeof body.error === 'string' && typeof body.code === 'string'
}
