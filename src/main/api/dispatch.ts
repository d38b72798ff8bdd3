// The single entry every door calls: check the name, validate the argument, run the handler,
// and turn any failure into the contract's error body.
import type { ApiErrorBody, RequestName, Result } from '../../shared/contract'
import { UserError } from '../errors'
import type { Handlers } from './handlers'
import { isRequestName, validators } from './validators'

export type DispatchOutcome =
  | { ok: true; result: Result<RequestName> }
  | { ok: false; status: number; body: ApiErrorBody }

const STATUS: Record<ApiErrorBody['code'], number> = {
  'invalid-argument': 400,
  'not-found': 404,
  'no-catalog': 409,
  conflict: 409,
  internal: 500
}

export async function dispatch(
  handlers: Handlers,
  name: unknown,
  args: unknown
): Promise<DispatchOutcome> {
  if (!isRequestName(name)) return failure('invalid-argument', `Unknown request ${String(name)}`)
  const parsed = validators[name].safeParse(args ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    const where = issue?.path.length ? ` (${issue.path.join('.')})` : ''
    return failure(
      'invalid-argument',
      `Invalid arguments for ${name}${where}: ${issue?.message ?? ''}`
    )
  }
  try {
    const handler = handlers[name] as (
      args: unknown
    ) => Result<RequestName> | Promise<Result<RequestName>>
    return { ok: true, result: await handler(parsed.data) }
  } catch (error) {
    if (error instanceof UserError) return failure(error.code, error.message)
    console.error(`[flukeprint] ${name} failed:`, error)
    return failure('internal', error instanceof Error ? error.message : String(error))
  }
}

function failure(code: ApiErrorBody['code'], error: string): DispatchOutcome {
  return { ok: false, status: STATUS[code], body: { error, code } }
}
