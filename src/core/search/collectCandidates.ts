import type { SearchResult } from 'minisearch'
import type { EntryIndex } from './EntryIndex'
import type { ArticleFacts, StoredFields } from './IndexEntry'
import { matchesFilters } from './matchesFilters'
import type { ParsedQuery } from './parseQuery'
import type { SearchKind } from './SearchDocument'
import type { SearchFilters } from './SearchResults'
import { tokenize } from './tokenize'

/** A chunk of an article's text that matched some of the terms. */
export interface MatchedChunk {
  start: number
  end: number
  /** The query terms it matched (the first chunk's include its title's and metadata's). */
  terms: string[]
}

/** One document that contains every term: an article (all its chunks together) or another kind. */
export interface Candidate {
  kind: SearchKind
  id: string
  articleId?: string
  /** The document's own span, for anchored kinds. */
  start?: number
  end?: number
  score: number
  /** Every term occurs in its title (an article's, a notebook's, a source's name). */
  titleHit: boolean
  /**
   * The document itself passes the filters. An article that does not is still a candidate
   * when highlights or claims in it do: their quotes are found in its text.
   */
  shown: boolean
  /** For an article, the chunks that matched, in text order. */
  chunks: MatchedChunk[]
}

/**
 * Looks every term up (prefixes expanded), keeps the documents that contain all of them, and
 * orders them: title hits first, then by score (BM25, the title and metadata boosted). An
 * article counts as one document over its chunks (its best chunk's score); a phrase must
 * have all of its words in one chunk, since a phrase never spans two.
 */
export function collectCandidates(
  entries: EntryIndex,
  query: ParsedQuery,
  filters: SearchFilters,
  articles: ReadonlyMap<string, ArticleFacts>,
  /** Whether highlights or claims in this article pass the filters. */
  carriesQuotes: (articleId: string) => boolean
): Candidate[] {
  const passes = (result: SearchResult): boolean =>
    matchesFilters(result as SearchResult & StoredFields, filters, articles)
  const filter = (result: SearchResult): boolean =>
    passes(result) || (result.k === 'article' && carriesQuotes(result.a as string))
  const queries = query.terms.map((term) => ({ queries: [term.text], prefix: term.prefix }))
  const results = entries.search({ combineWith: 'OR', queries }, { filter })
  // Titles are short: looking every term up in titles alone costs little.
  const inTitle = new Set(
    entries
      .search({ combineWith: 'AND', queries }, { fields: ['title'], filter: passes })
      .map((result) => result.id as string)
  )
  const byDocument = new Map<string, Candidate & { terms: Set<string> }>()
  for (const result of results) {
    const stored = result as SearchResult & StoredFields
    const key = stored.k === 'article' ? `article:${stored.a}` : (result.id as string)
    let candidate = byDocument.get(key)
    if (!candidate) {
      candidate = {
        kind: stored.k,
        id: stored.k === 'article' ? stored.a! : (result.id as string).slice(stored.k.length + 1),
        ...(stored.a !== undefined ? { articleId: stored.a } : {}),
        ...(stored.k !== 'article' && stored.s !== undefined
          ? { start: stored.s, end: stored.e }
          : {}),
        score: 0,
        titleHit: false,
        shown: passes(result),
        chunks: [],
        terms: new Set()
      }
      byDocument.set(key, candidate)
    }
    candidate.score = Math.max(candidate.score, result.score)
    for (const term of result.queryTerms) candidate.terms.add(term)
    if (inTitle.has(result.id as string)) candidate.titleHit = true
    if (stored.k === 'article')
      candidate.chunks.push({ start: stored.s!, end: stored.e!, terms: result.queryTerms })
  }
  const phraseTerms = query.phrases.map((phrase) => tokenize(phrase))
  const candidates: Candidate[] = []
  for (const { terms, ...candidate } of byDocument.values()) {
    if (terms.size < query.terms.length) continue
    if (candidate.kind === 'article') {
      candidate.chunks.sort((a, b) => a.start - b.start)
      const inOneChunk = (words: string[]): boolean =>
        candidate.chunks.some((chunk) => words.every((word) => chunk.terms.includes(word)))
      if (!phraseTerms.every(inOneChunk)) continue
    }
    candidates.push(candidate)
  }
  return candidates.sort((a, b) => Number(b.titleHit) - Number(a.titleHit) || b.score - a.score)
}
