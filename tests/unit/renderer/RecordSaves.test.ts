import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { UnsavedRecord } from '../../../src/renderer/src/saving/RecordSaves'
import { RecordSaves } from '../../../src/renderer/src/saving/RecordSaves'
import { ApiFailure } from '../../../src/renderer/src/transport/unwrap'
import type { ErrorCode } from '../../../src/shared/result'

const failure = (code: ErrorCode, message: string) => new ApiFailure({ code, message })

/** Saves that fail with `next()` (or succeed when it gives nothing), recorded in order. */
function records(next: () => ApiFailure | undefined) {
  const saved: [string, string][] = []
  const givenUp: string[] = []
  const told: string[] = []
  let unsaved: ReadonlyMap<string, UnsavedRecord> = new Map()
  const saves = new RecordSaves<string>({
    async save(id, value) {
      const error = next()
      if (error) throw error
      saved.push([id, value])
    },
    onGiveUp: (id) => givenUp.push(id),
    onFirstFailure: (error) => told.push((error as Error).message),
    onUnsaved: (now) => (unsaved = now),
    backoff: (attempt) => attempt * 100
  })
  return { saves, saved, givenUp, told, unsaved: () => unsaved }
}

describe('RecordSaves (highlights and claims)', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('saves at once; a write the store could not make is kept, shown as not saved, and retried with the latest state', async () => {
    const errors = [failure('io', 'Could not save a.json (ENOSPC); the change was not made.')]
    errors.push(errors[0]!)
    const { saves, saved, told, unsaved } = records(() => errors.shift())
    let color = 'yellow'
    saves.change('h1', () => color)
    await vi.advanceTimersByTimeAsync(0)
    expect(saved).toEqual([])
    expect(unsaved().get('h1')).toMatchObject({ state: 'failed', problem: /ENOSPC/ })
    expect(told).toEqual([
      'Not saved yet: Could not save a.json (ENOSPC). Dossier keeps the change and tries again.'
    ])
    color = 'green'
    saves.change('h1', () => color)
    await vi.advanceTimersByTimeAsync(100)
    expect(saved).toEqual([])
    expect(told).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(200)
    expect(saved).toEqual([['h1', 'green']])
    expect(unsaved().size).toBe(0)
    expect(saves.pending('h1')).toBe(false)
  })

  it('a change the store refuses is given up at once, not retried', async () => {
    let calls = 0
    const { saves, saved, givenUp, unsaved } = records(() => {
      calls++
      return failure('refused', 'Changes to this article wait until you acknowledge the notice.')
    })
    saves.change('c1', () => 'disputed')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(calls).toBe(1)
    expect(givenUp).toEqual(['c1'])
    expect(saved).toEqual([])
    expect(unsaved().size).toBe(0)
  })
})
