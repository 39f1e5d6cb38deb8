/** The search's filters and results are part of the API contract: see src/shared/search.ts. */
export type {
  MarkRange,
  SearchFilters,
  SearchGroup,
  SearchHit,
  SearchOptions,
  SearchResults,
  SnippetField
} from '../../shared/search'
