import { describe, expect, it } from 'vitest'
import type { Annotation } from '../../../src/shared/annotation'
import type { Claim } from '../../../src/shared/claim'
import { EMPTY_DOC, PassageQuoteAttrs } from '../../../src/shared/richText'
import { passageQuoteOf } from '../../../src/renderer/src/notes/passageQuoteOf'
import { resolvePassage } from '../../../src/renderer/src/notes/resolvePassage'

const quote = { articleId: 'a1', title: 'Port strike (as quoted)' }

describe('resolvePassage', () => {
  it('shows the live title of an article renamed since the quote', () => {
    expect(resolvePassage(quote, { title: 'Port strike, day three' })).toEqual({
      title: 'Port strike, day three',
      where: 'library'
    })
  })

  it('says when the article is in the Trash, with its title there', () => {
    const trashed = { title: 'Port strike, trashed', deletedAt: '2026-12-01T09:00:00.000Z' }
    expect(resolvePassage(quote, trashed)).toEqual({
      title: 'Port strike, trashed',
      where: 'trash'
    })
  })

  it('says when the article was deleted, with the title it had when quoted', () => {
    expect(resolvePassage(quote, undefined)).toEqual({
      title: 'Port strike (as quoted)',
      where: 'deleted'
    })
  })
})

describe('passageQuoteOf', () => {
  const marked = {
    id: 'x1',
    articleId: 'a1',
    position: { start: 10, end: 23 },
    quote: { exact: '2,400 workers', prefix: '', suffix: '' },
    note: EMPTY_DOC
  }

  it('quotes a highlight or a claim as a valid passage quote that leads back to it', () => {
    for (const from of [
      { kind: 'highlight' as const, annotation: marked as unknown as Annotation },
      { kind: 'claim' as const, claim: marked as unknown as Claim }
    ]) {
      const attrs = passageQuoteOf(from, 'Port strike')
      expect(attrs).toEqual({
        articleId: 'a1',
        annotationId: 'x1',
        kind: from.kind,
        start: 10,
        end: 23,
        exact: '2,400 workers',
        title: 'Port strike'
      })
      expect(PassageQuoteAttrs.safeParse(attrs).success).toBe(true)
    }
  })

  it('keeps a very long passage within what a note may hold', () => {
    const long = { ...marked, quote: { ...marked.quote, exact: 'x'.repeat(200_000) } }
    const attrs = passageQuoteOf(
      { kind: 'highlight', annotation: long as unknown as Annotation },
      't'.repeat(2000)
    )
    expect(PassageQuoteAttrs.safeParse(attrs).success).toBe(true)
  })
})
