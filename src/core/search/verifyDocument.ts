import type { Candidate, MatchedChunk } from './collectCandidates'
import { documentFields } from './documentFields'
import { findPassage, type Searchable } from './findPassage'
import type { ArticleFacts } from './IndexEntry'
import { makeSnippet } from './makeSnippet'
import type { ParsedQuery } from './parseQuery'
import type { SearchDocument } from './SearchDocument'
import type { SearchHit } from './SearchResults'

/** A candidate that the text confirmed, with the hit to show. */
export interface VerifiedHit {
  hit: SearchHit
  /** The whole unquoted query occurs in it as a phrase. */
  wholePhrase: boolean
  /** For a document of no article: what its group is called. */
  title: string
}

/** A 500 KB report may match in 60 chunks; the passage is looked for in the first few. */
const MAX_CHUNKS = 8

/**
 * Confirms a document other than an article against its current version (read from the
 * library by the caller): phrases are checked, the passage picked and its snippet made.
 * `undefined` when the document is gone or a phrase is not in it.
 */
export function verifyDocument(
  candidate: Candidate,
  query: ParsedQuery,
  doc: SearchDocument | undefined
): VerifiedHit | undefined {
  if (!doc || doc.kind !== candidate.kind) return undefined
  const searchables = documentFields(doc).map((field): Searchable => ({
    field: field.field,
    text: field.text,
    from: 0,
    to: field.text.length
  }))
  const passage = findPassage(searchables, query)
  if (!passage) return undefined
  const span = 'start' in doc && doc.start !== undefined && doc.end !== undefined
  return {
    hit: {
      kind: doc.kind,
      id: doc.id,
      ...('articleId' in doc && doc.articleId !== undefined ? { articleId: doc.articleId } : {}),
      field: passage.searchable.field,
      ...(span ? { start: doc.start, end: doc.end } : {}),
      ...makeSnippet(passage.searchable.text, passage.focus, passage.marks)
    },
    wholePhrase: passage.wholePhrase,
    title: titleOf(doc)
  }
}

/** The same for an article, given its current text; only its matched chunks are read. */
export function verifyArticle(
  candidate: Candidate,
  query: ParsedQuery,
  text: string | undefined,
  facts: ArticleFacts | undefined
): VerifiedHit | undefined {
  if (!facts || text === undefined) return undefined
  const metadata = documentFields({ kind: 'article', id: candidate.id, ...facts, text: '' })
  const searchables: Searchable[] = [
    ...examinedChunks(candidate.chunks, query.terms.length).map((chunk): Searchable => ({
      field: 'text',
      text,
      from: chunk.start,
      to: chunk.end
    })),
    ...metadata.map((field): Searchable => ({
      field: field.field,
      text: field.text,
      from: 0,
      to: field.text.length
    }))
  ]
  const passage = findPassage(searchables, query)
  if (!passage) return undefined
  const inText = passage.searchable.field === 'text'
  return {
    hit: {
      kind: 'article',
      id: candidate.id,
      articleId: candidate.id,
      field: passage.searchable.field,
      ...(inText ? { start: passage.focus.start, end: passage.focus.end } : {}),
      ...makeSnippet(passage.searchable.text, passage.focus, passage.marks)
    },
    wholePhrase: passage.wholePhrase,
    title: facts.title
  }
}

/** The chunks with every term if any has them all, else all; the first few in text order. */
export function examinedChunks(chunks: MatchedChunk[], terms: number): MatchedChunk[] {
  const complete = chunks.filter((chunk) => chunk.terms.length === terms)
  return (complete.length > 0 ? complete : chunks).slice(0, MAX_CHUNKS)
}

function titleOf(doc: SearchDocument): string {
  switch (doc.kind) {
    case 'notebook':
    case 'article':
      return doc.title
    case 'source':
      return doc.name
    case 'note':
      return doc.text.split('\n', 1)[0].slice(0, 80)
    default:
      return ''
  }
}
