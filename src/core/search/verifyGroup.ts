import type { Candidate } from './collectCandidates'
import { entryId, type ArticleFacts } from './IndexEntry'
import { documentFields } from './documentFields'
import { foldedPart, type FoldedChunks } from './foldChunks'
import { findOccurrences } from './findOccurrences'
import { findPassage } from './findPassage'
import { foldText } from './foldText'
import { makeSnippet } from './makeSnippet'
import type { ParsedQuery } from './parseQuery'
import type { SearchGroup, SearchHit } from './SearchResults'
import type { SearchReaders } from './SearchSources'
import { examinedChunks, verifyArticle, verifyDocument, type VerifiedHit } from './verifyDocument'

/** Hits shown per group: the article's passage and the first highlights, claims and notes. */
const HITS_PER_GROUP = 5

/** A highlight or claim in an article, found by its span in the article's text. */
export interface QuotedSpan {
  kind: 'highlight' | 'claim'
  id: string
  start: number
  end: number
}

/** What a group needs to be read and confirmed. */
export interface GroupContext {
  query: ParsedQuery
  readers: SearchReaders
  articles: ReadonlyMap<string, ArticleFacts>
  /** The highlights and claims of an article that pass the filters, in text order. */
  quotedSpans(articleId: string): QuotedSpan[]
  /** The article's text folded chunk by chunk (see `foldChunks`), kept between searches. */
  foldedText(articleId: string): Promise<FoldedChunks | undefined>
}

/** A confirmed group and what ranks it. */
export interface RankedGroup {
  group: SearchGroup
  titleHit: boolean
  wholePhrase: boolean
  score: number
}

/**
 * Reads what the group's candidates need, once (the article's text alone, or the article
 * with everything in it when a note or statement matched), and confirms each candidate. A
 * highlight or claim whose quote has every term is a hit too: its quote is its span of the
 * article's text, so it is checked there, not read. `undefined` when nothing is confirmed.
 */
export async function verifyGroup(
  candidates: Candidate[],
  context: GroupContext
): Promise<RankedGroup | undefined> {
  const [first] = candidates
  const articleId = first.articleId
  if (articleId === undefined) {
    const doc = await context.readers.readDocument({ kind: first.kind, id: first.id })
    const hit = verifyDocument(first, context.query, doc)
    return hit && rank(candidates, [hit], undefined, hit.title)
  }
  const article = candidates.find((candidate) => candidate.kind === 'article')
  const others = candidates.filter((candidate) => candidate.kind !== 'article')
  const docs = others.length > 0 ? await context.readers.articleDocuments(articleId) : []
  const text =
    others.length > 0
      ? docs.find((doc) => doc.kind === 'article')?.text
      : await context.readers.readText(articleId)
  const facts = context.articles.get(articleId)
  const hits: VerifiedHit[] = []
  const add = (hit: VerifiedHit | undefined): void => {
    if (hit && hits.length < HITS_PER_GROUP && !hits.some((h) => h.hit.id === hit.hit.id))
      hits.push(hit)
  }
  if (article?.shown && (await mayHoldPhrases(article, facts, context)))
    add(verifyArticle(article, context.query, text, facts))
  if (article && text !== undefined)
    for (const span of context.quotedSpans(articleId)) {
      if (hits.length >= HITS_PER_GROUP) break
      if (mayHoldEveryTerm(article, span, context.query))
        add(verifySpan(span, articleId, text, context.query))
    }
  const byEntry = new Map(docs.map((doc) => [entryId(doc), doc]))
  for (const candidate of others)
    add(verifyDocument(candidate, context.query, byEntry.get(entryId(candidate))))
  return hits.length > 0 ? rank(candidates, hits, articleId, facts?.title ?? '') : undefined
}

function rank(
  candidates: Candidate[],
  hits: VerifiedHit[],
  articleId: string | undefined,
  title: string
): RankedGroup {
  return {
    group: {
      ...(articleId !== undefined ? { articleId } : {}),
      title,
      hits: hits.map((h) => h.hit)
    },
    titleHit: candidates.some((candidate) => candidate.titleHit),
    wholePhrase: hits.some((hit) => hit.wholePhrase),
    score: candidates[0].score
  }
}

/**
 * Whether every quoted phrase (and run of spaceless script) may be where `verifyArticle`
 * looks: in one of the chunks it examines, or in the title or metadata. Most candidates of
 * a phrase of common words hold the words but not the phrase; this turns them down with a
 * search of text folded already, instead of folding each chunk again.
 */
async function mayHoldPhrases(
  article: Candidate,
  facts: ArticleFacts | undefined,
  context: GroupContext
): Promise<boolean> {
  const { phrases, terms } = context.query
  if (phrases.length === 0 || !facts) return true
  const folded = await context.foldedText(article.id)
  if (folded === undefined) return true
  const parts: string[] = []
  for (const chunk of examinedChunks(article.chunks, terms.length)) {
    const part = foldedPart(folded, chunk.start)
    // The index is still taking a new version of the text: let the text itself decide.
    if (part === undefined) return true
    parts.push(part)
  }
  let metadata: string[] | undefined
  for (const phrase of phrases) {
    const word = { text: phrase, prefix: false }
    const found = (part: string): boolean => findOccurrences(part, word, 1).length > 0
    if (parts.some(found)) continue
    metadata ??= documentFields({ kind: 'article', id: article.id, ...facts, text: '' }).map(
      (field) => foldText(field.text)
    )
    if (!metadata.some(found)) return false
  }
  return true
}

/** Whether the chunks the span lies in matched every term between them. */
function mayHoldEveryTerm(article: Candidate, span: QuotedSpan, query: ParsedQuery): boolean {
  const terms = new Set<string>()
  for (const chunk of article.chunks)
    if (chunk.start < span.end && chunk.end > span.start)
      for (const term of chunk.terms) terms.add(term)
  return terms.size === query.terms.length
}

function verifySpan(
  span: QuotedSpan,
  articleId: string,
  text: string,
  query: ParsedQuery
): VerifiedHit | undefined {
  const quote = text.slice(span.start, span.end)
  const passage = findPassage([{ field: 'quote', text: quote, from: 0, to: quote.length }], query)
  if (!passage) return undefined
  const hit: SearchHit = {
    kind: span.kind,
    id: span.id,
    articleId,
    field: 'quote',
    start: span.start,
    end: span.end,
    ...makeSnippet(quote, passage.focus, passage.marks)
  }
  return { hit, wholePhrase: passage.wholePhrase, title: '' }
}
