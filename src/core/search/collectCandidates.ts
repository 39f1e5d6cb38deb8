import type { EntryIndex } from './EntryIndex'
import type { ArticleFacts } from './IndexEntry'
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

/** The candidates of the best groups, in rank order, and how many groups there are in all. */
export interface CollectedCandidates {
  candidates: Candidate[]
  total: number
}

/** Title hits sort above every other: scores stay far below this. */
const TITLE_RANK = 1e12

/**
 * Looks every term up (prefixes expanded), keeps the documents that contain all of them, and
 * orders them: title hits first, then by score (BM25, the title and metadata boosted). An
 * article counts as one document over its chunks (its best chunk's score); a phrase must
 * have all of its words in one chunk, since a phrase never spans two. Only the documents of
 * the best `maxGroups` groups (an article with what is in it, or a document of no article)
 * are made candidates: the rest are only counted.
 */
export function collectCandidates(
  entries: EntryIndex,
  query: ParsedQuery,
  filters: SearchFilters,
  articles: ReadonlyMap<string, ArticleFacts>,
  /** Whether highlights or claims in this article pass the filters. */
  carriesQuotes: (articleId: string) => boolean,
  maxGroups: number
): CollectedCandidates {
  const matches = entries.matchAll(query.terms)
  if (matches.count === 0) return { candidates: [], total: 0 }
  const { words } = matches
  const termIndex = new Map(query.terms.map((term, index) => [term.text, index]))
  const all = maskOf(
    query.terms.map((_, index) => index),
    words
  )
  const phraseMasks = query.phrases.map((phrase) =>
    maskOf(
      tokenize(phrase).flatMap((word) => termIndex.get(word) ?? []),
      words
    )
  )
  const ordinals = entries.ordinalCount
  // Per document: its best chunk's score, whether every term is in its title, which phrases
  // have all their words in one of its chunks; and its entries' positions, first to last.
  const best = new Float64Array(ordinals)
  const inTitle = new Uint8Array(ordinals)
  const phrasesIn = phraseMasks.length > 0 ? new Uint32Array(ordinals) : undefined
  const first = new Int32Array(ordinals).fill(-1)
  const documents: number[] = []
  for (let i = 0; i < matches.count; i++) {
    const document = entries.documentOf(matches.ids[i])
    if (first[document] < 0) {
      first[document] = i
      documents.push(document)
    }
    const score = matches.scores[i] * bitCount(matches.terms, i * words, words)
    if (score > best[document]) best[document] = score
    if (covers(matches.titleTerms, i * words, all)) inTitle[document] = 1
    if (phrasesIn)
      for (let p = 0; p < phraseMasks.length && p < 32; p++)
        if (covers(matches.terms, i * words, phraseMasks[p])) phrasesIn[document] |= 1 << p
  }
  const allPhrases = phraseMasks.length >= 32 ? 0xffffffff : (1 << phraseMasks.length) - 1
  const filtered = hasFilters(filters)
  // The documents kept, each with its rank and whether it passes the filters itself.
  const rank = new Float64Array(ordinals)
  const shown = new Uint8Array(ordinals)
  const kept: number[] = []
  const groupRank = new Float64Array(ordinals).fill(-1)
  const groups: number[] = []
  for (const document of documents) {
    const entry = matches.ids[first[document]]
    const isArticle = entries.isArticle(entry)
    if (isArticle && phrasesIn && (phrasesIn[document] & allPhrases) >>> 0 !== allPhrases >>> 0)
      continue
    // Stored fields are read only to filter: with none, ranking needs no object per document.
    const stored = filtered ? entries.storedOf(entry) : undefined
    const visible = !stored || matchesFilters(stored, filters, articles)
    if (!visible && !(isArticle && carriesQuotes(stored!.a!))) continue
    shown[document] = visible ? 1 : 0
    rank[document] = best[document] + (visible && inTitle[document] ? TITLE_RANK : 0)
    kept.push(document)
    const group = entries.groupOf(matches.ids[first[document]])
    if (groupRank[group] < 0) groups.push(group)
    if (rank[document] > groupRank[group]) groupRank[group] = rank[document]
  }
  // The best groups: those ranked at or above the `maxGroups`-th group's rank.
  let threshold = -Infinity
  if (groups.length > maxGroups) {
    const ranks = Float64Array.from(groups, (group) => groupRank[group]).sort()
    threshold = ranks[ranks.length - maxGroups]
  }
  const chosen = new Map<number, Candidate>()
  const isChosen = new Uint8Array(ordinals)
  for (const document of kept) {
    if (groupRank[entries.groupOf(matches.ids[first[document]])] < threshold) continue
    isChosen[document] = 1
    const { id, stored } = entries.entry(matches.ids[first[document]])
    chosen.set(document, {
      kind: stored.k,
      id: stored.k === 'article' ? stored.a! : id.slice(stored.k.length + 1),
      ...(stored.a !== undefined ? { articleId: stored.a } : {}),
      ...(stored.k !== 'article' && stored.s !== undefined
        ? { start: stored.s, end: stored.e }
        : {}),
      score: best[document],
      titleHit: shown[document] === 1 && inTitle[document] === 1,
      shown: shown[document] === 1,
      chunks: []
    })
  }
  for (let i = 0; i < matches.count; i++) {
    const document = entries.documentOf(matches.ids[i])
    if (isChosen[document] === 0) continue
    const candidate = chosen.get(document)!
    if (candidate.kind !== 'article') continue
    const stored = entries.storedOf(matches.ids[i])
    const terms = query.terms
      .filter((_, index) => (matches.terms[i * words + (index >> 5)] & (1 << (index & 31))) !== 0)
      .map((term) => term.text)
    candidate.chunks.push({ start: stored.s!, end: stored.e!, terms })
  }
  const candidates = [...chosen.values()]
  for (const candidate of candidates) candidate.chunks.sort((a, b) => a.start - b.start)
  candidates.sort((a, b) => Number(b.titleHit) - Number(a.titleHit) || b.score - a.score)
  return { candidates, total: groups.length }
}

function maskOf(bits: number[], words: number): Uint32Array {
  const mask = new Uint32Array(words)
  for (const bit of bits) mask[bit >> 5] |= 1 << (bit & 31)
  return mask
}

/** Whether the words of `masks` from `at` have every bit of `mask`. */
function covers(masks: Uint32Array, at: number, mask: Uint32Array): boolean {
  for (let w = 0; w < mask.length; w++)
    if ((masks[at + w] & mask[w]) >>> 0 !== mask[w]) return false
  return true
}

function bitCount(masks: Uint32Array, at: number, words: number): number {
  let count = 0
  for (let w = 0; w < words; w++) {
    let bits = masks[at + w]
    while (bits !== 0) {
      bits &= bits - 1
      count++
    }
  }
  return count
}

function hasFilters(filters: SearchFilters): boolean {
  return (
    (filters.kinds !== undefined && filters.kinds.length > 0) ||
    (filters.statuses !== undefined && filters.statuses.length > 0) ||
    filters.tag !== undefined ||
    filters.sourceId !== undefined ||
    filters.importedFrom !== undefined ||
    filters.importedBefore !== undefined
  )
}
