import type { ClaimStatus } from '../../../shared/claim'
import type { SearchKind, SearchRequest } from '../../../shared/search'

/** The panel's filters as its controls hold them: '' is "any". */
export interface PanelFilters {
  kind: SearchKind | ''
  status: ClaimStatus | ''
  tag: string
  sourceId: string
  /** Dates as `<input type="date">` gives them (YYYY-MM-DD), both ends included. */
  from: string
  to: string
}

export const NO_FILTERS: PanelFilters = {
  kind: '',
  status: '',
  tag: '',
  sourceId: '',
  from: '',
  to: ''
}

export const KIND_LABELS: Record<SearchKind, string> = {
  article: 'Article',
  highlight: 'Highlight',
  claim: 'Claim',
  note: 'Note',
  notebook: 'Notebook',
  source: 'Source'
}

/** The API's request for a query under these filters; the "to" day is included. */
export function searchRequest(query: string, filters: PanelFilters): SearchRequest {
  const dayAfter = (date: string): string => {
    const next = new Date(`${date}T00:00:00.000Z`)
    next.setUTCDate(next.getUTCDate() + 1)
    return next.toISOString().slice(0, 10)
  }
  return {
    query,
    ...(filters.kind ? { kinds: [filters.kind] } : {}),
    ...(filters.status ? { statuses: [filters.status] } : {}),
    ...(filters.tag.trim() ? { tag: filters.tag.trim() } : {}),
    ...(filters.sourceId ? { sourceId: filters.sourceId } : {}),
    ...(filters.from ? { importedFrom: filters.from } : {}),
    ...(filters.to ? { importedBefore: dayAfter(filters.to) } : {})
  }
}
