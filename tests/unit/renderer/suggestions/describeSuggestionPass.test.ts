import { describe, expect, it } from 'vitest'
import { describeSuggestionPass } from '../../../../src/renderer/src/suggestions/describeSuggestionPass'

describe('the library pass’s status line', () => {
  const progress = { done: 4, total: 1200, failed: 0 }
  it('says how far the pass has got', () => {
    expect(describeSuggestionPass({ ...progress, state: 'running' })).toBe(
      'Finding claims to suggest: 4 of 1,200 articles'
    )
    expect(describeSuggestionPass({ ...progress, state: 'paused', failed: 2 })).toBe(
      'Finding claims to suggest: 4 of 1,200 articles, paused while you work; 2 could not be read'
    )
    expect(describeSuggestionPass({ ...progress, state: 'stopped' }, true)).toBe(
      'Suggestions ready for 4 of 1,200 articles'
    )
  })

  it('says when Stop came after the pass had read every article', () => {
    const done = { state: 'done', done: 1200, total: 1200, failed: 0 } as const
    expect(describeSuggestionPass(done)).toBe('Suggestions ready for all 1,200 articles')
    expect(describeSuggestionPass(done, true)).toBe(
      'Suggestions ready for all 1,200 articles: the pass had finished before Stop'
    )
    expect(describeSuggestionPass({ ...done, done: 1, total: 1 }, true)).toBe(
      'Suggestions ready for the article: the pass had finished before Stop'
    )
  })
})
