import type { SourceKind } from '../../../shared/source'

/** A source's kind as the registry writes it. */
export const KIND_LABELS: Record<SourceKind, string> = {
  person: 'Person',
  organisation: 'Organisation',
  outlet: 'Outlet',
  document: 'Document',
  anonymous: 'Anonymous'
}
