import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { SuggestionPassProgress } from '../../../src/shared/suggestion'
import { findAttributions } from '../../../src/core/attribution/findAttributions'
import {
  findAttributionRowsOffThread,
  findAttributionsOffThread
} from '../../../src/core/attribution/findAttributionsOffThread'
import { importPathSources } from '../../../src/core/import/importPathSources'
import { Library } from '../../../src/core/store/Library'
import { ClaimSuggestions } from '../../../src/core/suggestions/ClaimSuggestions'
import { SUGGESTION_CACHE_FILE } from '../../../src/core/suggestions/suggestionCacheFile'
import { repoRoot } from '../store/runTsArgs'

const fixtures = resolve(repoRoot, 'tests/fixtures/attribution')
const QUIET_MS = 400

let root: string
let library: Library
let suggestions: ClaimSuggestions
/** The texts the finder was asked to read: the real finder on its workers, counted. */
let read: string[]
/** While set, a read after the first `holdAfter` waits for it: a test holds the pass still. */
let held: Promise<void> | undefined
let holdAfter = Infinity
let ids: string[]

async function open(quietAfterEditMs = QUIET_MS): Promise<void> {
  library = await Library.open(join(root, 'library'), 'test')
  read = []
  suggestions = new ClaimSuggestions(
    library,
    {
      find: async (text) => {
        read.push(text)
        if (read.length > holdAfter) await held
        return findAttributionsOffThread(text)
      },
      findRows: async (text) => {
        read.push(text)
        if (read.length > holdAfter) await held
        return findAttributionRowsOffThread(text)
      }
    },
    { quietAfterEditMs }
  )
}

async function reopen(quietAfterEditMs = QUIET_MS): Promise<void> {
  await library.close()
  await open(quietAfterEditMs)
}

async function until(
  done: (progress: SuggestionPassProgress) => boolean,
  timeoutMs = 20_000
): Promise<SuggestionPassProgress> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const progress = await suggestions.pass.progress()
    if (done(progress)) return progress
    if (Date.now() > deadline) throw new Error(`the pass is stuck: ${JSON.stringify(progress)}`)
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** The cache file's article lines (header and count left out). */
async function cachedIds(): Promise<string[]> {
  const lines = (await readFile(join(root, 'library', SUGGESTION_CACHE_FILE), 'utf8'))
    .trim()
    .split('\n')
  return lines.slice(1, -1).map((line) => (JSON.parse(line) as [string])[0])
}

beforeEach(async () => {
  holdAfter = Infinity
  root = await mkdtemp(join(tmpdir(), 'dossier-suggestion-pass-'))
  await open()
  const files = (await readdir(fixtures)).filter((name) => name.endsWith('.txt')).sort()
  const outcomes = await importPathSources(
    library,
    files.slice(0, 12).map((name) => join(fixtures, name))
  )
  ids = outcomes.map((outcome) => {
    if (outcome.status !== 'imported') throw new Error('a fixture did not import')
    return outcome.article.id
  })
})
afterEach(async () => {
  await library.close()
  await rm(root, { recursive: true, force: true })
})

describe('the library pass of the attribution finder', () => {
  it('reads every article once in the background and keeps what it found in the cache file', async () => {
    expect(await suggestions.pass.progress()).toEqual({
      state: 'idle',
      done: 0,
      total: 12,
      failed: 0
    })
    await suggestions.pass.start()
    const end = await until((p) => p.state === 'done')
    expect(end).toEqual({ state: 'done', done: 12, total: 12, failed: 0 })
    expect(read).toHaveLength(12)

    // Suggest claims on an article now answers from the cache, with what the finder finds.
    const article = await library.article(ids[3]!)
    const listed = await suggestions.list(ids[3]!)
    expect(read).toHaveLength(12)
    const found = await findAttributions(article.text)
    expect(listed.map(({ key: _, sourceId: __, ...s }) => s)).toEqual(found)

    await library.close()
    expect((await cachedIds()).sort()).toEqual([...ids].sort())
    await open()
    expect(await suggestions.pass.progress()).toMatchObject({ done: 12, total: 12 })
    expect(await suggestions.list(ids[3]!)).toEqual(listed)
    expect(read, 'the cache is read after a restart, not the articles').toHaveLength(0)
  })

  it('is resumable: stopped, then restarted after a restart, it reads only what is left', async () => {
    // The fourth read waits until Stop is pressed, so the pass cannot finish before it.
    let release!: () => void
    held = new Promise((resolve) => (release = resolve))
    holdAfter = 3
    await suggestions.pass.start()
    await until((p) => p.done >= 3)
    const stopping = suggestions.pass.stop()
    release()
    const stopped = await stopping
    holdAfter = Infinity
    expect(stopped.state).toBe('stopped')
    expect(stopped.done).toBeLessThan(12)
    const firstRead = [...read]
    await reopen()
    expect(await suggestions.pass.progress()).toMatchObject({
      state: 'idle',
      done: stopped.done,
      total: 12
    })
    await suggestions.pass.start()
    await until((p) => p.state === 'done')
    expect(read).toHaveLength(12 - stopped.done)
    for (const text of read) expect(firstRead).not.toContain(text)
  })

  it('stays done when Stop comes after it has read the last article', async () => {
    await suggestions.pass.start()
    await until((p) => p.state === 'done')
    expect(await suggestions.pass.stop()).toEqual({ state: 'done', done: 12, total: 12, failed: 0 })
  })

  it('steps aside while the analyst makes changes, and never holds up a save', async () => {
    // A quiet window long enough that a loaded machine cannot let it lapse unseen.
    const quiet = 1_500
    await reopen(quiet)
    // The first article read, so the worker is busy and its model loaded; the second read
    // waits until Stop is pressed, so the pass cannot finish first.
    let release!: () => void
    held = new Promise((resolve) => (release = resolve))
    holdAfter = 1
    await suggestions.pass.start()
    await until((p) => p.done >= 1)
    const stopping = suggestions.pass.stop()
    release()
    expect((await stopping).state).toBe('stopped')
    holdAfter = Infinity
    const before = read.length

    const saved = await library.createAnnotation({ articleId: ids[0]!, start: 0, end: 4, color: 1 })
    expect(saved.id).toBeTruthy()
    await suggestions.pass.start()
    expect((await until((p) => p.state !== 'running')).state).toBe('paused')
    // Nothing is read while the change is recent; a change meanwhile keeps it waiting.
    await new Promise((resolve) => setTimeout(resolve, quiet / 2))
    await library.updateAnnotation({ articleId: ids[0]!, id: saved.id, color: 2 })
    await new Promise((resolve) => setTimeout(resolve, quiet * 0.75))
    expect((await suggestions.pass.progress()).state).toBe('paused')
    expect(read.length).toBe(before)
    expect(await until((p) => p.state === 'done')).toMatchObject({ done: 12, total: 12 })
    expect(read).toHaveLength(12)
  })

  it('reads an article imported during the pass, and skips one deleted', async () => {
    await suggestions.pass.start()
    await library.deleteArticles([ids[11]!])
    const [added] = await importPathSources(library, [
      resolve(repoRoot, 'tests/fixtures/articles/harbor-strike-wire.txt')
    ])
    expect(added?.status).toBe('imported')
    const end = await until((p) => p.state === 'done')
    expect(end).toMatchObject({ done: 12, total: 12, failed: 0 })
    expect(await suggestions.pass.progress()).toMatchObject({ done: 12, total: 12 })
    expect(read.length).toBeLessThanOrEqual(13)
  })

  it('reads everything again from a damaged or outdated cache file, saying so when damaged', async () => {
    await suggestions.pass.start()
    await until((p) => p.state === 'done')
    await library.close()
    const file = join(root, 'library', SUGGESTION_CACHE_FILE)
    const whole = await readFile(file, 'utf8')
    await writeFile(file, whole.slice(0, whole.length - 40))
    await open()
    expect(await suggestions.pass.progress()).toMatchObject({ done: 0, total: 12 })
    expect(suggestions.notices.join('\n')).toMatch(
      /suggestions cache was damaged .*cut off|ends in/
    )

    await writeFile(file, whole.replace(/"finder":"[^"]+"/, '"finder":"0.0.0+0"'))
    await reopen()
    expect(await suggestions.pass.progress()).toMatchObject({ done: 0, total: 12 })
    expect(suggestions.notices).toEqual([])
    await suggestions.pass.start()
    await until((p) => p.state === 'done')
    expect(read).toHaveLength(12)
  })
})
