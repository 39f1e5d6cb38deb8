import type { RestoreCounts } from '../../shared/exporting'
import type { Source } from '../../shared/source'
import type { Workspace } from '../../shared/workspace'
import type { Tombstone } from './files'
import type { ArticleRecords, LibraryRecords, NotebookRecords } from './LibraryRecords'
import type { Merged, Versioned } from './mergeRecord'
import { mergeRecord } from './mergeRecord'
import { sourceKey } from './SourceRegistry'

/** What the library holds that a backup may touch. */
export interface LocalRecords {
  /** The library's records of the backup's articles that it already has (same text). */
  articles: ReadonlyMap<string, ArticleRecords>
  sources: readonly Source[]
  notebooks: ReadonlyMap<string, NotebookRecords>
  tombstones: readonly Tombstone[]
}

/** The records to write, and what the merge did. */
export interface MergePlan {
  /** Articles new to the library, or whose records changed. */
  articles: { records: ArticleRecords; added: boolean }[]
  /** The whole registry after the merge, if it changed. */
  sources?: Source[]
  notebooks: NotebookRecords[]
  tombstones: Tombstone[]
  /** Ids of articles and notebooks deleted here for good that the backup changed since. */
  revived: string[]
  workspace?: Workspace
  added: RestoreCounts
  /** The backup's articles and notebooks deleted here for good since: they stay deleted. */
  keptDeleted: RestoreCounts
  updated: RestoreCounts
  unchanged: RestoreCounts
  conflicts: number
}

type Kind = keyof RestoreCounts

/**
 * Merges a backup into a library's records without duplicates: articles by text (the id is
 * the text's hash), every other record by id, and sources also by name, so a claimant both
 * libraries know is one source (the backup's claims are repointed to the library's). On a
 * conflict the newer version wins and the other is kept in the record's `conflicts`. A
 * merge only adds and updates: a deletion in the backup removes nothing here, and what the
 * library deleted (a highlight, or an article or notebook deleted for good) comes back only
 * if the backup changed it after the deletion.
 */
export function mergeLibraryRecords(
  local: LocalRecords,
  incoming: LibraryRecords,
  at: string
): MergePlan {
  const plan: MergePlan = {
    articles: [],
    notebooks: [],
    tombstones: [],
    revived: [],
    added: emptyCounts(),
    keptDeleted: emptyCounts(),
    updated: emptyCounts(),
    unchanged: emptyCounts(),
    conflicts: 0
  }
  const tally = <T>(kind: Kind, merged: Merged<T>): Merged<T> => {
    plan[merged.outcome][kind]++
    if (merged.conflict) plan.conflicts++
    return merged
  }

  const { sources, sourceIds } = mergeSources(local.sources, incoming.sources, at, tally)
  if (sources) plan.sources = sources

  const deletedForGood = new Map(local.tombstones.map((t) => [t.id, t.deletedAt]))
  /** Whether a record the library deleted for good stays deleted (and is counted so). */
  const staysDeleted = (kind: Kind, id: string, changedAt: string): boolean => {
    const deletedAt = deletedForGood.get(id)
    if (deletedAt === undefined) return false
    if (changedAt > deletedAt) {
      plan.revived.push(id)
      return false
    }
    plan.keptDeleted[kind]++
    return true
  }

  for (const theirs of incoming.articles) {
    const repointed = repointClaims(theirs, sourceIds)
    const mine = local.articles.get(theirs.article.id)
    if (!mine) {
      if (staysDeleted('articles', theirs.article.id, lastChange(theirs))) continue
      plan.articles.push({ records: repointed, added: true })
      countAdded(plan.added, repointed)
      continue
    }
    const merged = mergeArticle(mine, repointed, at, tally)
    if (merged) plan.articles.push({ records: merged, added: false })
  }

  for (const theirs of incoming.notebooks) {
    if (!local.notebooks.has(theirs.id) && staysDeleted('notebooks', theirs.id, theirs.updatedAt))
      continue
    const merged = tally('notebooks', mergeRecord(local.notebooks.get(theirs.id), theirs, at))
    if (merged.changed) plan.notebooks.push(merged.record)
  }

  const known = new Set(deletedForGood.keys())
  const live = new Set([...local.articles.keys(), ...local.notebooks.keys(), ...plan.revived])
  plan.tombstones = incoming.tombstones.filter((t) => !known.has(t.id) && !live.has(t.id))
  if (incoming.workspace) plan.workspace = incoming.workspace
  return plan
}

/** One article's records merged; undefined when nothing changed. */
function mergeArticle(
  mine: ArticleRecords,
  theirs: ArticleRecords,
  at: string,
  tally: <T>(kind: Kind, merged: Merged<T>) => Merged<T>
): ArticleRecords | undefined {
  let changed = false
  const meta = tally('articles', mergeRecord(mine.article, theirs.article, at, ['counts']))
  changed ||= meta.changed

  const deleted = new Map(mine.tombstones.map((t) => [t.id, t]))
  // A highlight deleted here comes back only if the backup changed it after the deletion.
  const revived = theirs.annotations.filter((a) => {
    const tombstone = deleted.get(a.id)
    return !tombstone || a.updatedAt > tombstone.deletedAt
  })
  const annotations = mergeList(mine.annotations, revived, at, (merged) =>
    tally('highlights', merged)
  )
  const claims = mergeList(mine.claims, theirs.claims, at, (merged) => tally('claims', merged))
  const links = mergeList(mine.links, theirs.links, at, (merged) => tally('links', merged))
  changed ||= annotations.changed || claims.changed || links.changed

  const liveIds = new Set(annotations.records.map((a) => a.id))
  const revivedIds = new Set(revived.map((a) => a.id))
  const tombstones = [
    ...mine.tombstones.filter((t) => !revivedIds.has(t.id)),
    ...theirs.tombstones.filter((t) => !deleted.has(t.id) && !liveIds.has(t.id))
  ]
  changed ||= tombstones.length !== mine.tombstones.length

  let articleNote = mine.articleNote
  if (theirs.articleNote) {
    const note = tally('notes', mergeRecord(mine.articleNote, theirs.articleNote, at))
    articleNote = note.record
    changed ||= note.changed
  }
  // A rejection is never undone, so both sides' rejections hold.
  const rejected = [
    ...new Set([...(mine.rejectedSuggestions ?? []), ...(theirs.rejectedSuggestions ?? [])])
  ]
  changed ||= rejected.length !== (mine.rejectedSuggestions?.length ?? 0)

  if (!changed) return undefined
  return {
    article: meta.record,
    text: mine.text,
    annotations: annotations.records,
    claims: claims.records,
    links: links.records,
    tombstones,
    ...(articleNote ? { articleNote } : {}),
    ...(rejected.length > 0 ? { rejectedSuggestions: rejected } : {})
  }
}

/** Records merged by id: the library's in their order, then the backup's new ones. */
function mergeList<T extends Versioned & { id: string }>(
  mine: readonly T[],
  theirs: readonly T[],
  at: string,
  tally: (merged: Merged<T>) => Merged<T>
): { records: T[]; changed: boolean } {
  const byId = new Map(mine.map((record) => [record.id, record]))
  let changed = false
  for (const record of theirs) {
    const merged = tally(mergeRecord(byId.get(record.id), record, at))
    if (merged.changed) {
      byId.set(record.id, merged.record)
      changed = true
    }
  }
  return { records: [...byId.values()], changed }
}

/**
 * The registry merged by id, or by name for a backup's source the library knows under
 * another id; `sourceIds` maps such a source's id to the library's.
 */
function mergeSources(
  mine: readonly Source[],
  theirs: readonly Source[],
  at: string,
  tally: <T>(kind: Kind, merged: Merged<T>) => Merged<T>
): { sources?: Source[]; sourceIds: Map<string, string> } {
  const byId = new Map(mine.map((source) => [source.id, source]))
  const byName = new Map(
    mine.filter((s) => s.deletedAt === undefined).map((s) => [sourceKey(s.name), s.id])
  )
  const sourceIds = new Map<string, string>()
  for (const source of theirs) {
    const named = byName.get(sourceKey(source.name))
    if (!byId.has(source.id) && named && source.deletedAt === undefined)
      sourceIds.set(source.id, named)
  }
  let changed = false
  for (const source of theirs) {
    const id = sourceIds.get(source.id) ?? source.id
    const mergedInto = source.mergedInto && (sourceIds.get(source.mergedInto) ?? source.mergedInto)
    const renamed: Source = { ...source, id, ...(mergedInto ? { mergedInto } : {}) }
    const merged = tally('sources', mergeRecord(byId.get(id), renamed, at))
    if (!merged.changed) continue
    byId.set(id, merged.record)
    changed = true
  }
  return { ...(changed ? { sources: [...byId.values()] } : {}), sourceIds }
}

/** An article's claims with their claimants named by the library's ids. */
function repointClaims(records: ArticleRecords, sourceIds: Map<string, string>): ArticleRecords {
  if (sourceIds.size === 0) return records
  return {
    ...records,
    claims: records.claims.map((claim) =>
      claim.sourceId && sourceIds.has(claim.sourceId)
        ? { ...claim, sourceId: sourceIds.get(claim.sourceId)! }
        : claim
    )
  }
}

/** When anything of an article's records last changed. */
function lastChange(records: ArticleRecords): string {
  const times = [
    records.article.updatedAt,
    ...records.annotations.map((a) => a.updatedAt),
    ...records.claims.map((c) => c.updatedAt),
    ...records.links.map((l) => l.updatedAt),
    ...(records.articleNote ? [records.articleNote.updatedAt] : [])
  ]
  return times.reduce((latest, time) => (time > latest ? time : latest))
}

function countAdded(counts: RestoreCounts, records: ArticleRecords): void {
  counts.articles++
  counts.highlights += records.annotations.length
  counts.claims += records.claims.length
  counts.links += records.links.length
  if (records.articleNote) counts.notes++
}

export function emptyCounts(): RestoreCounts {
  return { articles: 0, highlights: 0, claims: 0, links: 0, sources: 0, notebooks: 0, notes: 0 }
}
