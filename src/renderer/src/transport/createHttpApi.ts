import type { Api, MethodName } from '../../../shared/api'
import { methodNames } from '../../../shared/api'
import type { WindowApi } from '../../../shared/hostEvents'
import type { Result } from '../../../shared/result'
import { fail } from '../../../shared/result'

/** Browsers refuse keepalive bodies over 64 KiB (all such requests at once, headers aside). */
const KEEPALIVE_LIMIT = 60_000

/**
 * The contract over HTTP, for the web host: the same `window.api` the Electron preload
 * provides, so the renderer never knows which host it runs in.
 */
export function createHttpApi(token: string): WindowApi {
  const call = async (
    name: MethodName,
    input: unknown,
    outlivePage = false
  ): Promise<Result<unknown>> => {
    let response: Response
    const body = JSON.stringify(input ?? {})
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body,
        // A longer body is sent as usual, and may be cut off if the page goes first.
        keepalive: outlivePage && new TextEncoder().encode(body).length < KEEPALIVE_LIMIT
      })
    } catch (error) {
      return fail(
        'io',
        `Cannot reach the Dossier web host (${String(error)}). Is it still running?`
      )
    }
    try {
      return (await response.json()) as Result<unknown>
    } catch {
      return fail('io', `The web host answered ${response.status} ${response.statusText}.`)
    }
  }
  const methods = (outlivePage: boolean): Api =>
    Object.fromEntries(
      methodNames.map((name) => [name, (input: unknown) => call(name, input, outlivePage)])
    ) as unknown as Api
  return { ...methods(false), keepalive: methods(true), onMenuCommand: () => () => undefined }
}

/** The token comes in the URL fragment, which the browser never sends to a server. */
export function takeToken(): string | undefined {
  const fromHash = new URLSearchParams(window.location.hash.slice(1)).get('token')
  if (fromHash) {
    sessionStorage.setItem('dossier-token', fromHash)
    history.replaceState(null, '', window.location.pathname)
    return fromHash
  }
  return sessionStorage.getItem('dossier-token') ?? undefined
}
