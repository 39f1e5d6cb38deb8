/**
 * The only bridge between the sandboxed page and the main process: exactly the
 * contract's methods as named functions, plus the menu event. No `ipcRenderer`, no
 * generic invoke.
 */
import { contextBridge, ipcRenderer } from 'electron'
import type { Api, MethodName } from '../shared/api'
import { channelOf, methodNames } from '../shared/api'
import type { MenuCommand, WindowApi } from '../shared/hostEvents'
import { MENU_CHANNEL } from '../shared/hostEvents'

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
  }
}

contextBridge.exposeInMainWorld('api', windowApi)
