import { readdir, readFile } from 'node:fs/promises'
import { platform } from 'node:os'
import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findAttributions } from '../../../src/core/attribution/findAttributions'
import { decodeSuggestionRows } from '../../../src/core/attribution/compactSuggestions'
import {
  findAttributionRowsOffThread,
  findAttributionsOffThread
} from '../../../src/core/attribution/findAttributionsOffThread'
import { repoRoot } from '../store/runTsArgs'

const wire = resolve(repoRoot, 'tests/fixtures/articles/harbor-strike-wire.txt')

/** The nice value of each of this process's threads by thread id (Linux: /proc/self/task). */
async function niceValues(): Promise<Map<number, number>> {
  const tids = await readdir('/proc/self/task')
  const values = new Map<number, number>()
  for (const tid of tids) {
    const stat = await readFile(join('/proc/self/task', tid, 'stat'), 'utf8').catch(() => '')
    // Fields after the command's closing parenthesis start at field 3; nice is field 19.
    const nice = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19 - 3])
    if (stat && Number.isFinite(nice)) values.set(Number(tid), nice)
  }
  return values
}

describe('the finder on its worker threads', () => {
  it('finds what it finds in this thread, for an open article and for the library pass', async () => {
    const text = await readFile(wire, 'utf8')
    const here = await findAttributions(text)
    expect(here.length).toBeGreaterThan(5)
    expect(await findAttributionsOffThread(text)).toEqual(here)
    expect(await findAttributionsOffThread(text, { background: true })).toEqual(here)
    // The library pass's answer: rows of offsets, which decode against the text to the same.
    const rows = await findAttributionRowsOffThread(text)
    expect(decodeSuggestionRows(JSON.parse(rows), text)).toEqual(here)
    expect(decodeSuggestionRows(JSON.parse(rows), text.slice(0, 100))).toBeUndefined()
  })

  it.runIf(platform() === 'linux')(
    'runs the library pass on a thread of the lowest priority, and nothing else there',
    async () => {
      await findAttributionsOffThread('“We will stay out,” she said.')
      await findAttributionsOffThread('“We will stay out,” she said.', { background: true })
      const values = await niceValues()
      const main = values.get(process.pid)!
      expect(main).toBeLessThan(19)
      expect([...values.values()].filter((nice) => nice === 19)).toHaveLength(1)
      expect([...values.values()].filter((nice) => nice !== 19 && nice !== main)).toEqual([])
    }
  )
})
