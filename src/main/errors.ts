import type { ApiErrorBody } from '../shared/contract'

/** An error written for the person using the app: shown as is by every door. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly code: ApiErrorBody['code'] = 'invalid-argument'
  ) {
    super(message)
    this.name = 'UserError'
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
