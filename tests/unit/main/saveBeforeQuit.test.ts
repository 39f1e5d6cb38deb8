import { describe, expect, it } from 'vitest'
import { saveBeforeQuit } from '../../../src/main/saveBeforeQuit'

describe('saveBeforeQuit', () => {
  it('quits at once when the page answers in time, without asking', async () => {
    const asked: string[] = []
    const saved = await saveBeforeQuit(
      async () => true,
      async () => {
        asked.push('ask')
        return true
      }
    )
    expect([saved, asked]).toEqual([true, []])
  })

  it('on a timeout asks; Wait asks the page again until it answers', async () => {
    const answers = [false, false, true]
    const events: string[] = []
    const saved = await saveBeforeQuit(
      async () => {
        events.push('request')
        return answers.shift()!
      },
      async () => {
        events.push('ask: Wait')
        return true
      }
    )
    expect(saved).toBe(true)
    expect(events).toEqual(['request', 'ask: Wait', 'request', 'ask: Wait', 'request'])
  })

  it('Quit anyway stops waiting and says not all was saved', async () => {
    let requests = 0
    const saved = await saveBeforeQuit(
      async () => (requests++, false),
      async () => false
    )
    expect([saved, requests]).toEqual([false, 1])
  })
})
