/**
 * The only bridge between the sandboxed page and the main process: exactly the
 * contract's methods as named functions, plus the host events. No `ipcRenderer`, no
 * generic invoke.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { Api, MethodName } from '../shared/api'
import { channelOf, methodNames } from '../shared/api'
import type { MenuCommand, OpenedFiles, WindowApi } from '../shared/hostEvents'
import {
  FILES_OPENED_CHANNEL,
  FILES_OPENED_READY_CHANNEL,
  MENU_CHANNEL,
  SAVE_DONE_CHANNEL,
  SAVE_REQUEST_CHANNEL
} from '../shared/hostEvents'

const api = Object.fromEntries(
  methodNames.map((name: MethodName) => [
    name,
    (input: unknown) => ipcRenderer.invoke(channelOf(name), input ?? {})
  ])
) as unknown as Api

const windowApi: WindowApi = {
  ...api,
  onMenuCommand(listener) {
    const wrapped = (_event: unknown, command: MenuCommand): void => listener(command)
    ipcRenderer.on(MENU_CHANNEL, wrapped)
    return () => ipcRenderer.off(MENU_CHANNEL, wrapped)
  },
  onFilesOpened(listener) {
    const wrapped = (_event: unknown, opened: OpenedFiles): void => listener(opened)
    ipcRenderer.on(FILES_OPENED_CHANNEL, wrapped)
    ipcRenderer.send(FILES_OPENED_READY_CHANNEL)
    return () => ipcRenderer.off(FILES_OPENED_CHANNEL, wrapped)
  },
  onSaveRequest(listener) {
    // Answered however the saving ends: the main process is waiting to quit.
    const wrapped = (_event: unknown, id: number): void =>
      void Promise.resolve()
        .then(listener)
        .catch(() => undefined)
        .then(() => ipcRenderer.send(SAVE_DONE_CHANNEL, id))
    ipcRenderer.on(SAVE_REQUEST_CHANNEL, wrapped)
    return () => ipcRenderer.off(SAVE_REQUEST_CHANNEL, wrapped)
  }
}

contextBridge.exposeInMainWorld('api', windowApi)
