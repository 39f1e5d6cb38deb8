import { describe, expect, it, vi } from 'vitest'
import { channelOf, methodNames } from '../../../src/shared/api'
import type { WindowApi } from '../../../src/shared/hostEvents'
import {
  FILES_OPENED_CHANNEL,
  FILES_OPENED_READY_CHANNEL,
  MENU_CHANNEL,
  SAVE_DONE_CHANNEL,
  SAVE_REQUEST_CHANNEL
} from '../../../src/shared/hostEvents'

// The one fake: Electron's preload modules. The preload itself runs for real.
const bridge = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as { channel: string; input: unknown }[],
  signalled: [] as string[],
  sent: [] as { channel: string; args: unknown[] }[],
  listeners: new Map<string, (event: unknown, ...args: unknown[]) => void>()
}))
vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, value: unknown) => bridge.exposed.set(key, value)
  },
  ipcRenderer: {
    invoke: (channel: string, input: unknown) => {
      bridge.invoked.push({ channel, input })
      return Promise.resolve({ ok: true, value: channel })
    },
    send: (channel: string, ...args: unknown[]) => {
      bridge.signalled.push(channel)
      bridge.sent.push({ channel, args })
    },
    on: (channel: string, listener: (event: unknown, ...args: unknown[]) => void) =>
      bridge.listeners.set(channel, listener),
    off: (channel: string) => bridge.listeners.delete(channel)
  }
}))

await import('../../../src/preload/index')
const api = bridge.exposed.get('api') as WindowApi

describe('the preload', () => {
  it('exposes only window.api, with exactly the contract’s methods and the host events', () => {
    expect([...bridge.exposed.keys()]).toEqual(['api'])
    expect(Object.keys(api).sort()).toEqual(
      [...methodNames, 'onMenuCommand', 'onFilesOpened', 'onSaveRequest'].sort()
    )
    for (const forbidden of ['invoke', 'send', 'ipcRenderer', 'on', 'require'])
      expect(api).not.toHaveProperty(forbidden)
    for (const value of Object.values(api)) expect(typeof value).toBe('function')
  })

  it('sends each method on its own channel with its one input object', async () => {
    await expect(api.getArticle({ id: 'abc' })).resolves.toEqual({
      ok: true,
      value: channelOf('getArticle')
    })
    expect(bridge.invoked.at(-1)).toEqual({ channel: 'dossier:getArticle', input: { id: 'abc' } })
  })

  it('delivers menu commands and stops when unsubscribed', () => {
    const heard: string[] = []
    const unsubscribe = api.onMenuCommand((command) => heard.push(command))
    bridge.listeners.get(MENU_CHANNEL)!({}, 'import')
    expect(heard).toEqual(['import'])
    unsubscribe()
    expect(bridge.listeners.has(MENU_CHANNEL)).toBe(false)
  })

  it('delivers opened files, telling the main process once it listens', () => {
    const heard: unknown[] = []
    const unsubscribe = api.onFilesOpened!((opened) => heard.push(opened))
    expect(bridge.signalled).toEqual([FILES_OPENED_READY_CHANNEL])
    const opened = {
      outcomes: [{ status: 'refused', name: 'x.txt', reason: 'missing', message: 'gone' }]
    }
    bridge.listeners.get(FILES_OPENED_CHANNEL)!({}, opened)
    expect(heard).toEqual([opened])
    unsubscribe()
    expect(bridge.listeners.has(FILES_OPENED_CHANNEL)).toBe(false)
  })

  it('saves the notes when the main process asks, and answers with its id however it went', async () => {
    let saving = 0
    const unsubscribe = api.onSaveRequest!(async () => {
      saving++
      if (saving === 2) throw new Error('disk full')
    })
    const request = bridge.listeners.get(SAVE_REQUEST_CHANNEL)!
    request({}, 7)
    request({}, 8)
    await vi.waitFor(() =>
      expect(bridge.sent.filter((s) => s.channel === SAVE_DONE_CHANNEL)).toEqual([
        { channel: SAVE_DONE_CHANNEL, args: [7] },
        { channel: SAVE_DONE_CHANNEL, args: [8] }
      ])
    )
    expect(saving).toBe(2)
    unsubscribe()
    expect(bridge.listeners.has(SAVE_REQUEST_CHANNEL)).toBe(false)
  })
})
