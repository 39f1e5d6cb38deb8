import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { DeliveryQueue } from '../../../src/main/DeliveryQueue'
import type { FocusableWindow } from '../../../src/main/forwardSecondInstance'
import { forwardSecondInstance } from '../../../src/main/forwardSecondInstance'

function fakeWindow(minimized: boolean): FocusableWindow & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    isMinimized: () => minimized,
    restore: () => void calls.push('restore'),
    focus: () => void calls.push('focus')
  }
}

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10))

describe('forwardSecondInstance', () => {
  it('brings the window forward and queues the second launch’s paths, from its own folder', async () => {
    const window = fakeWindow(true)
    const queue = new DeliveryQueue<string>(() => undefined)
    const onSecondInstance = forwardSecondInstance({
      window: () => window,
      open: (paths) => queue.push(...paths),
      appPathArgument: false
    })
    const elsewhere = resolve('/home/analyst/Téléchargements')
    onSecondInstance({}, ['Dossier.exe', '--flag-from-chromium', 'Note d’écoute.txt'], elsewhere)
    expect(window.calls).toEqual(['restore', 'focus'])
    const delivered: string[][] = []
    queue.deliverTo((batch) => void delivered.push(batch))
    await settle()
    expect(delivered).toEqual([[join(elsewhere, 'Note d’écoute.txt')]])
  })

  it('only focuses when the second launch names no file', () => {
    const window = fakeWindow(false)
    const opened: string[][] = []
    forwardSecondInstance({
      window: () => window,
      open: (paths) => opened.push(paths),
      appPathArgument: true
    })({}, ['electron', '.', '--no-sandbox'], '/')
    expect(window.calls).toEqual(['focus'])
    expect(opened).toEqual([])
  })

  it('keeps the paths while the first instance has no window yet', () => {
    const opened: string[][] = []
    forwardSecondInstance({
      window: () => undefined,
      open: (paths) => opened.push(paths),
      appPathArgument: false
    })({}, ['dossier', 'a.md', 'b.html'], resolve('/cases'))
    expect(opened).toEqual([[resolve('/cases/a.md'), resolve('/cases/b.html')]])
  })
})
