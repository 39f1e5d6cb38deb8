import type { ClaimStatus } from '../../shared/claim'
import { chunkText } from './chunkText'
import { documentFields, type IndexField } from './documentFields'
import type { ArticleDocument, DocumentRef, SearchDocument, SearchKind } from './SearchDocument'

/**
 * One MiniSearch document: a document of the library, or one chunk of an article's text.
 * Only the one-letter fields are stored in the index (kind, article, span, claim status,
 * source, tags): texts are read from the library when a snippet needs them.
 */
export type IndexEntry = { id: string; k: SearchKind } & Partial<Record<IndexField, string>> & {
    a?: string
    s?: number
    e?: number
    st?: ClaimStatus
    src?: string
    tg?: string[]
  }

/** The stored fields, as MiniSearch returns them with each result. */
export const STORED_FIELDS = ['k', 'a', 's', 'e', 'st', 'src', 'tg'] as const
export type StoredFields = Pick<IndexEntry, (typeof STORED_FIELDS)[number]>

/** What the index keeps of each article, for titles and for filters on anchored kinds. */
export interface ArticleFacts {
  title: string
  source?: string
  author?: string
  tags: string[]
  importedAt: string
  sourceId?: string
  /** How many chunk entries `article:<id>:<n>` the text is indexed as. */
  chunks: number
}

/** `claim:<id>`; an article's chunks are `article:<id>:<n>`. */
export function entryId(ref: Pick<DocumentRef, 'kind' | 'id'>): string {
  return `${ref.kind}:${ref.id}`
}

export function chunkEntryId(articleId: string, chunk: number): string {
  return `article:${articleId}:${chunk}`
}

/** The entries a document is indexed as: one, or one per chunk of an article's text. */
export function indexEntriesOf(doc: SearchDocument): IndexEntry[] {
  if (doc.kind === 'article') return articleEntries(doc)
  const entry: IndexEntry = { id: entryId(doc), k: doc.kind }
  for (const field of documentFields(doc)) {
    if (field.inArticleText) continue
    entry[field.indexField] = entry[field.indexField]
      ? `${entry[field.indexField]}\n${field.text}`
      : field.text
  }
  if ('articleId' in doc && doc.articleId !== undefined) entry.a = doc.articleId
  if ('start' in doc && doc.start !== undefined && doc.end !== undefined) {
    entry.s = doc.start
    entry.e = doc.end
  }
  if (doc.kind === 'claim') {
    entry.st = doc.status
    if (doc.tags.length > 0) entry.tg = doc.tags
  }
  if (doc.kind === 'claim' && doc.sourceId) entry.src = doc.sourceId
  if (doc.kind === 'source') entry.src = doc.id
  return [entry]
}

export function articleFacts(doc: ArticleDocument, chunks: number): ArticleFacts {
  return {
    title: doc.title,
    ...(doc.source ? { source: doc.source } : {}),
    ...(doc.author ? { author: doc.author } : {}),
    tags: doc.tags,
    importedAt: doc.importedAt,
    ...(doc.sourceId ? { sourceId: doc.sourceId } : {}),
    chunks
  }
}

/**
 * The first chunk also carries the title and metadata, so that an article is one entry per
 * stretch of text and its title is indexed once.
 */
function articleEntries(doc: ArticleDocument): IndexEntry[] {
  const fields = documentFields(doc)
  const title = fields.filter((f) => f.indexField === 'title').map((f) => f.text)
  const meta = fields.filter((f) => f.indexField === 'meta').map((f) => f.text)
  const chunks = doc.text === '' ? [{ start: 0, end: 0 }] : chunkText(doc.text)
  return chunks.map((chunk, n) => ({
    id: chunkEntryId(doc.id, n),
    k: 'article',
    a: doc.id,
    s: chunk.start,
    e: chunk.end,
    ...(n === 0 ? { title: title.join('\n'), meta: meta.join('\n') } : {}),
    text: doc.text.slice(chunk.start, chunk.end)
  }))
}
