import type { ApiHandlers, MethodName } from '../shared/api'
import { contract } from '../shared/api'
import type { Result } from '../shared/result'
import { DossierError, fail, ok } from '../shared/result'
import { describeZodError } from './describeZodError'
import { payloadShapeProblem } from './payloadShapeProblem'

/**
 * Validates a raw payload against the contract, runs the handler and turns every
 * outcome into a Result. Each host (IPC, HTTP) calls this at its boundary.
 */
export async function dispatch(
  handlers: ApiHandlers,
  name: MethodName,
  rawInput: unknown
): Promise<Result<unknown>> {
  const shapeProblem = payloadShapeProblem(rawInput)
  if (shapeProblem) return fail('invalid_input', `${name}: ${shapeProblem}`)
  const parsed = contract[name].input.safeParse(rawInput ?? {})
  if (!parsed.success) return fail('invalid_input', describeZodError(name, parsed.error))
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>
    return ok(await handler(parsed.data))
  } catch (error) {
    return toFailure(error)
  }
}

export function toFailure(error: unknown): Result<never> {
  if (error instanceof DossierError) return fail(error.code, error.message)
  const message = error instanceof Error ? error.message : String(error)
  return fail('internal', `Unexpected error: ${message}`)
}

export function isMethodName(name: string): name is MethodName {
  return Object.hasOwn(contract, name)
}
