import { describe, expect, it } from 'vitest'
import type { Claim, LinkedClaim } from '../../../../src/shared/claim'
import { EMPTY_DOC } from '../../../../src/shared/richText'
import type { SourceRecord } from '../../../../src/shared/source'
import { reverseEdit } from '../../../../src/renderer/src/claims/claimEdit'
import { claimsAt } from '../../../../src/renderer/src/claims/claimsAt'
import { claimShortcuts } from '../../../../src/renderer/src/claims/claimShortcuts'
import { matchSources, sourceNamed } from '../../../../src/renderer/src/claims/matchSources'
import { markersByClaim, numberLinks } from '../../../../src/renderer/src/claims/numberLinks'
import { quoteOf } from '../../../../src/renderer/src/claims/quoteOf'
import { matchesChord } from '../../../../src/renderer/src/workspace/shortcut'

function claim(id: string, start: number, end: number, fields: Partial<Claim> = {}): Claim {
  return {
    id,
    articleId: 'a',
    position: { start, end },
    quote: { exact: 'x'.repeat(end - start), prefix: '', suffix: '' },
    statement: '',
    attribution: 'named',
    status: 'unreviewed',
    tags: [],
    note: EMPTY_DOC,
    history: [],
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...fields
  }
}

function linked(id: string, createdAt: string, from: string, to: string, outgoing: boolean) {
  return {
    link: {
      id,
      fromClaimId: from,
      fromArticleId: 'a',
      toClaimId: to,
      toArticleId: 'b',
      relation: 'contradicts',
      createdAt,
      updatedAt: createdAt
    },
    outgoing,
    other: { id: outgoing ? to : from },
    otherArticleTitle: 'B'
  } as LinkedClaim
}

function source(name: string, aliases: string[] = []): SourceRecord {
  return { id: name, name, aliases, kind: 'organisation' } as SourceRecord
}

function key(init: Partial<KeyboardEvent>): KeyboardEvent {
  return {
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    shiftKey: false,
    ...init
  } as KeyboardEvent
}

describe('link markers', () => {
  it('number each link once, in the order made, whichever pane lists it', () => {
    const inA = [
      linked('l2', '2026-01-02', 'a1', 'b1', true),
      linked('l1', '2026-01-01', 'a2', 'b1', true)
    ]
    const inB = [
      linked('l1', '2026-01-01', 'a2', 'b1', false),
      linked('l2', '2026-01-02', 'a1', 'b1', false)
    ]
    const numbers = numberLinks([inA, inB])
    expect([...numbers]).toEqual([
      ['l1', 1],
      ['l2', 2]
    ])
    // Each end of a link gets the same number, beside its own claim.
    expect(
      [...markersByClaim(inA, numbers)].map(([id, m]) => [id, m.map((x) => x.number)])
    ).toEqual([
      ['a1', [2]],
      ['a2', [1]]
    ])
    expect(
      markersByClaim(inB, numbers)
        .get('b1')!
        .map((m) => m.number)
    ).toEqual([1, 2])
  })
})

describe('the claimant combobox', () => {
  const sources = [
    source('Velmora Dockers’ Union', ['the union']),
    source('Port Authority'),
    source('Union Bank')
  ]
  it('filters by name and alias without case, accents or curly quotes, prefixes first', () => {
    expect(matchSources(sources, 'union').map((s) => s.name)).toEqual([
      'Union Bank',
      'Velmora Dockers’ Union'
    ])
    expect(matchSources(sources, "dockers' UNION").map((s) => s.name)).toEqual([
      'Velmora Dockers’ Union'
    ])
    expect(matchSources(sources, '').length).toBe(3)
    expect(sourceNamed(sources, 'The Union')?.name).toBe('Velmora Dockers’ Union')
    expect(sourceNamed(sources, 'the unio')).toBeUndefined()
  })
})

describe('claims in the text', () => {
  it('a click selects the innermost claim first', () => {
    const outer = claim('outer', 0, 40)
    const inner = claim('inner', 10, 20)
    expect(claimsAt([outer, inner], 15).map((c) => c.id)).toEqual(['inner', 'outer'])
    expect(claimsAt([outer, inner], 40)).toEqual([])
  })

  it('undo puts back exactly the fields an edit changed, clearing what was unset', () => {
    const before = claim('c', 0, 5, {
      status: 'checking',
      attributionSpan: {
        position: { start: 6, end: 10 },
        quote: { exact: 'said', prefix: '', suffix: '' }
      }
    })
    expect(reverseEdit(before, { status: 'refuted', credibility: 2, sourceId: 's' })).toEqual({
      status: 'checking',
      credibility: null,
      sourceId: null
    })
    expect(reverseEdit(before, { attributionSpan: null })).toEqual({
      attributionSpan: { start: 6, end: 10 }
    })
  })

  it('names a passage in one line, cut at a word', () => {
    expect(quoteOf('roughly 2,400\nworkers')).toBe('“roughly 2,400 workers”')
    expect(quoteOf('only about 900 workers failed to clock in on Tuesday', 32)).toBe(
      '“only about 900 workers failed…”'
    )
  })
})

describe('the claim keys', () => {
  it('read Shift+digit from the physical key and never take a highlight key', () => {
    expect(matchesChord('Shift+3', key({ key: '#', code: 'Digit3', shiftKey: true }))).toBe(true)
    expect(matchesChord('Shift+3', key({ key: '3', code: 'Digit3' }))).toBe(false)
    expect(matchesChord('3', key({ key: '3', code: 'Digit3' }))).toBe(true)
    expect(matchesChord('Shift+B', key({ key: 'B', shiftKey: true }))).toBe(true)
    expect(matchesChord('D', key({ key: 'D', shiftKey: true }))).toBe(false)
    expect(matchesChord('Mod+Z', key({ key: 'z', metaKey: true }))).toBe(true)
    expect(matchesChord('Z', key({ key: 'z', ctrlKey: true }))).toBe(false)
    expect(matchesChord('?', key({ key: '?', shiftKey: true }))).toBe(true)
    const keys = claimShortcuts({
      markClaim: () => undefined,
      setStatus: () => true,
      setCredibility: () => true,
      askReliability: () => true,
      startLink: () => true,
      deleteClaim: () => true,
      cancelLink: () => true
    }).flatMap((s) => s.keys)
    for (const highlightKey of ['H', '1', '2', '3', '4', '5', '6'])
      expect(keys).not.toContain(highlightKey)
    expect(new Set(keys).size).toBe(keys.length)
  })
})
