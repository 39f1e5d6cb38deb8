import type { Page } from '@playwright/test'
import type { HostEvents, WindowApi } from '../../src/shared/hostEvents'

/**
 * Adds one of the desktop preload's host events, which the web host lacks, to the web host's
 * real `window.api`, as the preload defines it: the page's listener is kept on `window[as]`
 * so the test can play the main process, and `window.subscriptions` counts subscriptions.
 * Everything else is the real page talking to the real web host.
 */
export async function withHostEvent(
  page: Page,
  method: 'onFilesOpened' | 'onSaveRequest',
  as: string
): Promise<void> {
  await page.addInitScript(
    ({ method, as }) => {
      const target = window as unknown as Record<string, unknown> & { subscriptions?: number }
      let api: WindowApi | undefined
      Object.defineProperty(window, 'api', {
        configurable: true,
        get: () => api,
        set: (value: WindowApi) => {
          const subscribe = (listener: unknown): (() => void) => {
            target[as] = listener
            target.subscriptions = (target.subscriptions ?? 0) + 1
            return () => {
              if (target[as] === listener) target[as] = undefined
            }
          }
          api = { ...value, [method]: subscribe as HostEvents[typeof method] }
        }
      })
    },
    { method, as }
  )
}
