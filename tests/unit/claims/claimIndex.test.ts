import { readdir, readFile, rm, truncate, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ClaimIndexFile } from '../../../src/core/store/files'
import { Library } from '../../../src/core/store/Library'
import { spawnChild } from '../store/spawnChild'
import { claimLibrary, opinionText, span, wireText } from './claimLibrary'

let env: Awaited<ReturnType<typeof claimLibrary>>
beforeEach(async () => {
  env = await claimLibrary()
})
afterEach(() => env.cleanup())

/** Two claims in two articles, linked, then the library closed (the index written). */
async function twoLinkedClaims(): Promise<{ a: string; b: string; link: string }> {
  const { library, wire, opinion } = env
  const a = await library.createClaim({
    articleId: wire.id,
    ...span(wireText, 'roughly 2,400 workers')
  })
  const b = await library.createClaim({
    articleId: opinion.id,
    ...span(opinionText, 'about 900 workers')
  })
  const link = await library.createLink({
    fromClaimId: b.id,
    toClaimId: a.id,
    relation: 'contradicts'
  })
  return { a: a.id, b: b.id, link: link.id }
}

async function expectBoardAndLinks(library: Library, ids: { a: string; b: string; link: string }) {
  expect((await library.claimBoardRows()).map((row) => row.id).sort()).toEqual(
    [ids.a, ids.b].sort()
  )
  const links = await library.listLinks(env.wire.id)
  expect(links.map((l) => [l.link.id, l.other.id])).toEqual([[ids.link, ids.b]])
}

describe('the claims index (claims-index.json)', () => {
  it('holds every claim and link after a clean close', async () => {
    const ids = await twoLinkedClaims()
    await env.reopen()
    const stored = ClaimIndexFile.parse(
      JSON.parse(await readFile(join(env.dataDir, 'claims-index.json'), 'utf8'))
    )
    expect(stored.claims.map((c) => c.id).sort()).toEqual([ids.a, ids.b].sort())
    expect(stored.links.map((l) => l.id)).toEqual([ids.link])
  })

  it('is rebuilt from the annotation files when missing', async () => {
    const ids = await twoLinkedClaims()
    await env.library.close()
    await rm(join(env.dataDir, 'claims-index.json'))
    const library = await env.reopen()
    await expectBoardAndLinks(library, ids)
  })

  it.each([
    ['truncated', async (path: string) => truncate(path, 20)],
    ['of the wrong shape', async (path: string) => writeFile(path, '{"format":2,"claims":7}')],
    ['empty', async (path: string) => writeFile(path, '')]
  ])('is rebuilt when damaged (%s), and the damaged file is kept', async (_case, damage) => {
    const ids = await twoLinkedClaims()
    await env.library.close()
    await damage(join(env.dataDir, 'claims-index.json'))
    const library = await env.reopen()
    await expectBoardAndLinks(library, ids)
    expect(
      (await readdir(env.dataDir)).some((n) => n.startsWith('claims-index.json.damaged-'))
    ).toBe(true)
  })

  it('after a crash, holds the claims saved since it was last written', async () => {
    await twoLinkedClaims()
    await env.library.close()
    const child = spawnChild('tests/unit/claims/fixtures/claimsLoop.ts', env.dataDir)
    await child.line(/^ack /)
    await child.line(/^link /)
    // Killed before its deferred index write (1 s after the last change) could run.
    child.process.kill('SIGKILL')
    await child.exited
    const acked = child.lines.filter((l) => l.startsWith('ack ')).map((l) => l.split(' ')[2]!)
    const library = await env.reopen()
    const board = new Set((await library.claimBoardRows()).map((row) => row.id))
    expect(acked.filter((id) => !board.has(id))).toEqual([])
  })
})
