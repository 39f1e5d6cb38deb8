import type { DocumentRef, SearchDocument } from './SearchDocument'

/**
 * What the index needs from the library. The index is derived data: everything it holds
 * can be read again from here, so a missing or damaged index file is simply rebuilt.
 */
export interface SearchSources {
  /** Ids of every searchable article (the Trash excluded). */
  articleIds(): Promise<string[]>
  /** The article, with its text, and everything anchored in it; `[]` once it is gone. */
  articleDocuments(articleId: string): Promise<SearchDocument[]>
  /** Documents that belong to no article: sources, notebooks, free notes. */
  looseDocuments(): Promise<SearchDocument[]>
  /**
   * What changed at or after `since` (ms since the epoch): the articles whose documents
   * changed in any way, and whether any loose document did. Lets an index persisted before
   * a crash catch up at start instead of being rebuilt; saying too much is harmless.
   */
  changedSince(since: number): Promise<{ articleIds: string[]; loose: boolean }>
  /** An article's stored text, for phrases, snippets and offsets; `undefined` once gone. */
  readText(articleId: string): Promise<string | undefined>
  /** The current version of a document of no article (source, notebook, free note), for its snippet. */
  readDocument(ref: DocumentRef): Promise<SearchDocument | undefined>
}

/** What a search reads from the library: texts and documents, when it shows them. */
export type SearchReaders = Pick<SearchSources, 'readText' | 'articleDocuments' | 'readDocument'>
