import type { ApiHandlers } from '../shared/api'
import { methodNames } from '../shared/api'

/**
 * Every contract method, each waiting for the real handlers: the window can open (and the
 * page show "Opening your library…") while the library is still being opened, instead of
 * no window at all. Payloads are still validated first, by `dispatch`, as they arrive.
 */
export function handlersWhenReady(ready: Promise<ApiHandlers>): ApiHandlers {
  const waiting = Object.fromEntries(
    methodNames.map((name) => [
      name,
      async (input: unknown) => {
        const handlers = await ready
        return (handlers[name] as (input: unknown) => Promise<unknown>)(input)
      }
    ])
  )
  return waiting as ApiHandlers
}
