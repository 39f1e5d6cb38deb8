import type { Api, MethodName } from '../../../shared/api'
import { methodNames } from '../../../shared/api'
import type { WindowApi } from '../../../shared/hostEvents'
import type { Result } from '../../../shared/result'
import { fail } from '../../../shared/result'

/**
 * The contract over HTTP, for the web host: the same `window.api` the Electron preload
 * provides, so the renderer never knows which host it runs in.
 */
export function createHttpApi(token: string): WindowApi {
  const call = async (name: MethodName, input: unknown): Promise<Result<unknown>> => {
    let response: Response
    try {
      response = await fetch(`/api/${name}`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(input ?? {})
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
  const api = Object.fromEntries(
    methodNames.map((name) => [name, (input: unknown) => call(name, input)])
  ) as unknown as Api
  return { ...api, onMenuCommand: () => () => undefined }
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
