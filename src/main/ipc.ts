/** The only file that touches `ipcMain`: every handler is registered from the contract. */
import type { IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron'
import { ipcMain } from 'electron'
import type { ApiHandlers } from '../shared/api'
import { channelOf, methodNames } from '../shared/api'
import { fail } from '../shared/result'
import type { MenuCommand, OpenedFiles } from '../shared/hostEvents'
import {
  FILES_OPENED_CHANNEL,
  FILES_OPENED_READY_CHANNEL,
  MENU_CHANNEL,
  SAVE_DONE_CHANNEL,
  SAVE_REQUEST_CHANNEL
} from '../shared/hostEvents'
import { dispatch } from '../core/dispatch'

/**
 * Registers one `handle` per contract method. A call from a frame other than the app's
 * own page is refused before any handler runs; payloads are validated by `dispatch`.
 */
export function registerIpcHandlers(
  handlers: ApiHandlers,
  isTrustedSender: (url: string) => boolean
): void {
  for (const name of methodNames) {
    ipcMain.handle(channelOf(name), (event: IpcMainInvokeEvent, input: unknown) => {
      const url = event.senderFrame?.url ?? ''
      if (!isTrustedSender(url))
        return fail('unauthorized', `IPC from ${url || 'an unknown frame'} is refused.`)
      return dispatch(handlers, name, input)
    })
  }
}

export function sendMenuCommand(contents: WebContents, command: MenuCommand): void {
  contents.send(MENU_CHANNEL, command)
}

export function sendFilesOpened(contents: WebContents, opened: OpenedFiles): void {
  contents.send(FILES_OPENED_CHANNEL, opened)
}

/**
 * Calls `listener` with the page each time the app's page subscribes to opened files
 * (on every load, reloads included); signals from any other frame are ignored.
 */
export function onFilesOpenedReady(
  isTrustedSender: (url: string) => boolean,
  listener: (contents: WebContents) => void
): void {
  ipcMain.on(FILES_OPENED_READY_CHANNEL, (event: IpcMainEvent) => {
    if (isTrustedSender(event.senderFrame?.url ?? '')) listener(event.sender)
  })
}

let saveRequests = 0

/**
 * Asks the app's page to save every note with unsaved changes, and resolves once it says
 * so (`true`) or after `timeoutMs` (`false`): a page that hangs must not keep the app from
 * quitting. Answers from any other frame are ignored.
 */
export function requestNotesSaved(
  contents: WebContents,
  isTrustedSender: (url: string) => boolean,
  timeoutMs: number
): Promise<boolean> {
  const id = ++saveRequests
  return new Promise((resolve) => {
    const answered = (event: IpcMainEvent, answer: unknown): void => {
      if (answer !== id || event.sender !== contents) return
      if (isTrustedSender(event.senderFrame?.url ?? '')) finish(true)
    }
    const timer = setTimeout(() => finish(false), timeoutMs)
    const finish = (saved: boolean): void => {
      clearTimeout(timer)
      ipcMain.off(SAVE_DONE_CHANNEL, answered)
      resolve(saved)
    }
    ipcMain.on(SAVE_DONE_CHANNEL, answered)
    contents.send(SAVE_REQUEST_CHANNEL, id)
  })
}
