import { Annotation } from '../../shared/annotation'
import { Claim, ClaimLink } from '../../shared/claim'
import type { AnnotationFile } from './files'
import { Tombstone } from './files'
import { mergeById } from './mergeById'
import { salvageRecords } from './salvageRecords'

/** An annotation file's readable highlights, claims, links and tombstones, over the backup's. */
export function salvageAnnotationFile(
  text: string,
  restored: AnnotationFile
): { data: AnnotationFile; salvaged: number } {
  const annotations = salvageRecords(text, 'annotations', Annotation)
  const claims = salvageRecords(text, 'claims', Claim)
  const links = salvageRecords(text, 'links', ClaimLink)
  const tombstones = salvageRecords(text, 'tombstones', Tombstone)
  const gone = new Set([...restored.tombstones, ...tombstones].map((t) => t.id))
  return {
    data: {
      ...restored,
      annotations: mergeById(restored.annotations, annotations).filter((a) => !gone.has(a.id)),
      claims: mergeById(restored.claims, claims),
      links: mergeById(restored.links, links),
      tombstones: mergeById(
        restored.tombstones.map((t) => ({ ...t, updatedAt: t.deletedAt })),
        tombstones.map((t) => ({ ...t, updatedAt: t.deletedAt }))
      ).map(({ id, kind, deletedAt }) => ({ id, kind, deletedAt }))
    },
    salvaged: annotations.length + claims.length + links.length
  }
}
