import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { SaveState } from '../../../src/renderer/src/notes/Autosave'
import { Autosave } from '../../../src/renderer/src/notes/Autosave'

/** A store whose writes the test completes or fails one by one. */
function fakeStore() {
  const calls: { value: string; leaving: boolean; done(): void; fail(): void }[] = []
  const states: SaveState[] = []
  const saved: string[] = []
  const autosave = new Autosave<string>({
    save: (value, leaving) =>
      new Promise<void>((resolve, reject) => {
        calls.push({
          value,
          leaving,
          done: () => {
            saved.push(value)
            resolve()
          },
          fail: () => reject(new Error('disk full'))
        })
      }),
    onState: (state) => states.push(state)
  })
  return { autosave, calls, states, saved }
}

/** Lets the promise callbacks of a completed save run. */
const settle = () => vi.advanceTimersByTimeAsync(0)

describe('Autosave', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('saves once after 500 ms of quiet, reading the content only then', async () => {
    const { autosave, calls, states } = fakeStore()
    let text = ''
    const read = vi.fn(() => text)
    for (const ch of 'note') {
      text += ch
      autosave.changed(read)
      await vi.advanceTimersByTimeAsync(200)
    }
    expect(calls).toHaveLength(0)
    expect(read).not.toHaveBeenCalled()
    expect(autosave.state).toBe('saving')
    await vi.advanceTimersByTimeAsync(300)
    expect(calls.map((c) => c.value)).toEqual(['note'])
    expect(read).toHaveBeenCalledTimes(1)
    calls[0]!.done()
    await settle()
    expect(autosave.state).toBe('saved')
    expect(states).toEqual(['saving', 'saved'])
  })

  it('never runs two saves at once; what was typed meanwhile is saved next', async () => {
    const { autosave, calls } = fakeStore()
    let text = 'a'
    autosave.changed(() => text)
    await vi.advanceTimersByTimeAsync(500)
    text = 'ab'
    autosave.changed(() => text)
    await vi.advanceTimersByTimeAsync(2000)
    expect(calls).toHaveLength(1)
    calls[0]!.done()
    await settle()
    expect(autosave.state).toBe('saving')
    await vi.advanceTimersByTimeAsync(500)
    expect(calls.map((c) => c.value)).toEqual(['a', 'ab'])
    calls[1]!.done()
    await settle()
    expect(autosave.state).toBe('saved')
  })

  it('keeps a failed change and retries with growing waits, always the latest text', async () => {
    const { autosave, calls, saved } = fakeStore()
    let text = 'draft'
    autosave.changed(() => text)
    await vi.advanceTimersByTimeAsync(500)
    calls[0]!.fail()
    await settle()
    expect(autosave.state).toBe('failed')
    // Typing during the failure does not hammer the store every 500 ms.
    text = 'draft two'
    autosave.changed(() => text)
    expect(autosave.state).toBe('failed')
    await vi.advanceTimersByTimeAsync(999)
    expect(calls).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    expect(calls[1]!.value).toBe('draft two')
    calls[1]!.fail()
    await settle()
    await vi.advanceTimersByTimeAsync(1999)
    expect(calls).toHaveLength(2)
    await vi.advanceTimersByTimeAsync(1)
    calls[2]!.done()
    await settle()
    expect(saved).toEqual(['draft two'])
    expect(autosave.state).toBe('saved')
    expect(autosave.dirty).toBe(false)
  })

  it('flush saves at once and resolves when everything is on disk', async () => {
    const { autosave, calls } = fakeStore()
    autosave.changed(() => 'x')
    const flushed = autosave.flush()
    await settle()
    expect(calls).toHaveLength(1)
    calls[0]!.done()
    await expect(flushed).resolves.toBe(true)
    expect(autosave.state).toBe('saved')
  })

  it('flush waits for a save in flight, then saves what came after it', async () => {
    const { autosave, calls } = fakeStore()
    let text = 'one'
    autosave.changed(() => text)
    await vi.advanceTimersByTimeAsync(500)
    text = 'two'
    autosave.changed(() => text)
    const flushed = autosave.flush()
    calls[0]!.done()
    await settle()
    expect(calls.map((c) => c.value)).toEqual(['one', 'two'])
    calls[1]!.done()
    await expect(flushed).resolves.toBe(true)
  })

  it('flush reports a failure and leaves the change to be retried', async () => {
    const { autosave, calls } = fakeStore()
    autosave.changed(() => 'x')
    const flushed = autosave.flush()
    await settle()
    calls[0]!.fail()
    await expect(flushed).resolves.toBe(false)
    expect(autosave.dirty).toBe(true)
    await vi.advanceTimersByTimeAsync(1000)
    expect(calls).toHaveLength(2)
  })

  it('leave sends the latest text at once as a leaving call, once per change', async () => {
    const { autosave, calls } = fakeStore()
    autosave.changed(() => 'last words')
    autosave.leave()
    autosave.leave()
    expect(calls).toEqual([expect.objectContaining({ value: 'last words', leaving: true })])
    // The timer is gone: nothing else is sent.
    await vi.advanceTimersByTimeAsync(5000)
    expect(calls).toHaveLength(1)
    calls[0]!.done()
    await settle()
    expect(autosave.state).toBe('saved')
  })

  it('leave does nothing when all is saved', () => {
    const { autosave, calls } = fakeStore()
    autosave.leave()
    expect(calls).toHaveLength(0)
  })
})
