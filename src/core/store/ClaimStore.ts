import { randomUUID } from 'node:crypto'
import type { Low } from 'lowdb'
import type { ParsedInputOf } from '../../shared/api'
import type { ArticleMeta } from '../../shared/article'
import type { Claim, ClaimChange, ClaimLink } from '../../shared/claim'
import { DossierError } from '../../shared/result'
import { EMPTY_DOC } from '../../shared/richText'
import type { AnnotationFiles } from './AnnotationFiles'
import { anchorPassage } from './anchorPassage'
import type { ArticleStore } from './ArticleStore'
import type { ClaimIndex } from './ClaimIndex'
import { commitChange, restoreFields } from './commitChange'
import type { AnnotationFile } from './files'
import { groupBy } from './groupBy'
import type { SourceRegistry } from './SourceRegistry'

/** What the claim store shares with the other stores of one library. */
export interface ClaimStoreParts {
  articles: ArticleStore
  files: AnnotationFiles
  index: ClaimIndex
  sources: SourceRegistry
  /** Recounts an article's highlights and claims after its file changed. */
  recount(articleId: string, file: AnnotationFile): void
}

/**
 * Claims: passages an article asserts, with claimant, attribution, status and credibility,
 * stored in their article's annotation file. Every change of an audited field is recorded
 * in the claim's history; a deletion leaves the record as its tombstone.
 */
export class ClaimStore {
  readonly #parts: ClaimStoreParts

  constructor(parts: ClaimStoreParts) {
    this.#parts = parts
  }

  async list(articleId: string): Promise<Claim[]> {
    const file = await this.#parts.files.get(this.#parts.articles.find(articleId))
    return file.data.claims
      .filter((claim) => claim.deletedAt === undefined)
      .sort((a, b) => a.position.start - b.position.start || a.position.end - b.position.end)
  }

  async create(input: ParsedInputOf<'createClaim'>): Promise<Claim> {
    const { articles, files, sources } = this.#parts
    const article = articles.find(input.articleId)
    const text = await articles.readBody(article)
    const passage = anchorPassage(text, input, article.textLength)
    const attributionSpan = input.attributionSpan
      ? anchorPassage(text, input.attributionSpan, article.textLength, 'attributionSpan.end')
      : undefined
    if (input.sourceId) sources.live(input.sourceId)
    const file = await files.get(article)
    if (input.id && file.data.claims.some((claim) => claim.id === input.id))
      throw new DossierError('invalid_input', `id: claim ${input.id} already exists.`)
    const now = new Date().toISOString()
    const claim: Claim = {
      id: input.id ?? randomUUID(),
      articleId: article.id,
      ...passage,
      statement: input.statement ?? '',
      ...(input.sourceId ? { sourceId: input.sourceId } : {}),
      ...(attributionSpan ? { attributionSpan } : {}),
      attribution: input.attribution ?? 'named',
      status: input.status ?? 'unreviewed',
      ...(input.credibility ? { credibility: input.credibility } : {}),
      tags: input.tags ?? [],
      note: input.note ?? EMPTY_DOC,
      history: [{ at: now, field: 'created' }],
      createdAt: now,
      updatedAt: now
    }
    file.data.claims.push(claim)
    await this.#commit(article, file, () => {
      file.data.claims = file.data.claims.filter((c) => c !== claim)
    })
    return claim
  }

  async update(input: ParsedInputOf<'updateClaim'>): Promise<Claim> {
    const { articles, files, sources } = this.#parts
    const article = articles.find(input.articleId)
    const file = await files.get(article)
    const claim = liveClaim(file.data, input.id, article)
    if (typeof input.sourceId === 'string') sources.live(input.sourceId)
    const attributionSpan = input.attributionSpan
      ? anchorPassage(
          await articles.readBody(article),
          input.attributionSpan,
          article.textLength,
          'attributionSpan.end'
        )
      : input.attributionSpan
    const before = { ...claim }
    const now = new Date().toISOString()
    const changes: ClaimChange[] = []
    const audit = (field: ClaimChange['field'], from?: string, to?: string): void => {
      if (from !== to)
        changes.push({
          at: now,
          field,
          ...(from !== undefined ? { from } : {}),
          ...(to !== undefined ? { to } : {})
        })
    }
    const name = (id: string | undefined): string | undefined =>
      id === undefined ? undefined : (sources.byId(id)?.name ?? id)
    if (input.statement !== undefined) {
      audit('statement', claim.statement || undefined, input.statement || undefined)
      claim.statement = input.statement
    }
    if (input.sourceId !== undefined) {
      audit('source', name(claim.sourceId), name(input.sourceId ?? undefined))
      if (input.sourceId === null) delete claim.sourceId
      else claim.sourceId = input.sourceId
    }
    if (input.attribution !== undefined) {
      audit('attribution', claim.attribution, input.attribution)
      claim.attribution = input.attribution
    }
    if (input.status !== undefined) {
      audit('status', claim.status, input.status)
      claim.status = input.status
    }
    if (input.credibility !== undefined) {
      audit('credibility', claim.credibility?.toString(), input.credibility?.toString())
      if (input.credibility === null) delete claim.credibility
      else claim.credibility = input.credibility
    }
    if (attributionSpan === null) delete claim.attributionSpan
    else if (attributionSpan) claim.attributionSpan = attributionSpan
    if (input.tags !== undefined) claim.tags = input.tags
    if (input.note !== undefined) claim.note = input.note
    claim.history = [...claim.history, ...changes]
    claim.updatedAt = now
    await this.#commit(article, file, () => restoreFields(claim, before))
    return claim
  }

  /** Deletes a claim and the links touching it; both stay as tombstones for undo. */
  async remove(articleId: string, id: string): Promise<{ links: number }> {
    const { articles, files, index } = this.#parts
    const article = articles.find(articleId)
    const file = await files.get(article)
    const claim = liveClaim(file.data, id, article)
    await index.ready()
    const now = new Date().toISOString()
    claim.deletedAt = now
    await this.#commit(article, file, () => delete claim.deletedAt)
    const touching = index.linksOf(id).filter((link) => link.deletedAt === undefined)
    await this.#editLinks(touching, (link) => {
      link.deletedAt = now
      link.deletedWithClaim = id
    })
    return { links: touching.length }
  }

  /** Brings back a deleted claim and the links that went with it. */
  async undelete(articleId: string, id: string): Promise<Claim> {
    const { articles, files, index } = this.#parts
    const article = articles.find(articleId)
    const file = await files.get(article)
    const claim = file.data.claims.find((c) => c.id === id && c.deletedAt !== undefined)
    if (!claim)
      throw new DossierError('not_found', `id: no deleted claim ${id} on article ${article.id}.`)
    await index.ready()
    const deletedAt = claim.deletedAt
    delete claim.deletedAt
    await this.#commit(article, file, () => (claim.deletedAt = deletedAt))
    const withIt = index.linksOf(id).filter((link) => link.deletedWithClaim === id)
    await this.#editLinks(withIt, (link) => {
      delete link.deletedAt
      delete link.deletedWithClaim
    })
    return claim
  }

  /** A claim's audit trail: its own changes, and each link made or removed, oldest first. */
  async history(claimId: string): Promise<ClaimChange[]> {
    const { index } = this.#parts
    await index.ready()
    const summary = index.claim(claimId)
    if (!summary) throw new DossierError('not_found', `claimId: no claim ${claimId}.`)
    const article = this.#parts.articles.find(summary.articleId)
    const claim = liveClaim((await this.#parts.files.get(article)).data, claimId, article)
    const linkEvents = index.linksOf(claimId).flatMap((link): ClaimChange[] => {
      const otherId = link.fromClaimId === claimId ? link.toClaimId : link.fromClaimId
      const other = index.claim(otherId)?.exact ?? 'a deleted claim'
      const what =
        link.fromClaimId === claimId
          ? `${link.relation} “${other}”`
          : `“${other}” ${link.relation} this`
      return [
        { at: link.createdAt, field: 'link', to: what },
        ...(link.deletedAt ? [{ at: link.deletedAt, field: 'unlink' as const, from: what }] : [])
      ]
    })
    return [...claim.history, ...linkEvents].sort((a, b) =>
      a.at < b.at ? -1 : a.at > b.at ? 1 : 0
    )
  }

  /**
   * Points every live claim of source `fromId` at `toId`, recording the change in each
   * claim's history. Returns the claims changed, so a merge can be undone.
   */
  async repoint(
    fromId: string,
    toId: string,
    only?: { articleId: string; claimId: string }[]
  ): Promise<{ articleId: string; claimId: string }[]> {
    const { index, articles, files, sources } = this.#parts
    await index.ready()
    const wanted = only ? new Set(only.map((ref) => ref.claimId)) : undefined
    const targets = [...index.claims()].filter(
      (claim) => claim.sourceId === fromId && (!wanted || wanted.has(claim.id))
    )
    const byArticle = groupBy(targets, (claim) => claim.articleId)
    const changed: { articleId: string; claimId: string }[] = []
    const now = new Date().toISOString()
    for (const [articleId, claims] of byArticle) {
      const article = articles.byId(articleId)
      if (!article) continue
      const file = await files.get(article)
      const ids = new Set(claims.map((claim) => claim.id))
      const edited = file.data.claims.filter((claim) => ids.has(claim.id))
      const before = edited.map((claim) => ({ ...claim }))
      for (const claim of edited) {
        claim.sourceId = toId
        claim.history = [
          ...claim.history,
          {
            at: now,
            field: 'source',
            from: sources.byId(fromId)?.name ?? fromId,
            to: sources.byId(toId)?.name ?? toId
          }
        ]
        claim.updatedAt = now
      }
      await this.#commit(article, file, () =>
        edited.forEach((claim, i) => restoreFields(claim, before[i]!))
      )
      changed.push(...edited.map((claim) => ({ articleId, claimId: claim.id })))
    }
    return changed
  }

  /**
   * After articles were deleted for good: links stored with other articles that end at
   * their claims become tombstones.
   */
  async tombstoneLinksTo(claimIds: Set<string>, goneArticles: Set<string>): Promise<void> {
    const { index } = this.#parts
    const dangling = [...claimIds].flatMap((id) =>
      index
        .linksOf(id)
        .filter((link) => link.deletedAt === undefined && !goneArticles.has(link.fromArticleId))
    )
    const now = new Date().toISOString()
    await this.#editLinks(dangling, (link) => (link.deletedAt = now))
  }

  /** Applies `edit` to links, saving each article file that stores some of them. */
  async #editLinks(links: ClaimLink[], edit: (link: ClaimLink) => void): Promise<void> {
    const { articles, files } = this.#parts
    for (const [articleId, group] of groupBy(links, (link) => link.fromArticleId)) {
      const article = articles.byId(articleId)
      if (!article) continue
      const file = await files.get(article)
      const ids = new Set(group.map((link) => link.id))
      const stored = file.data.links.filter((link) => ids.has(link.id))
      const before = stored.map((link) => ({ ...link }))
      stored.forEach(edit)
      await this.#commit(article, file, () =>
        stored.forEach((link, i) => restoreFields(link, before[i]!))
      )
    }
  }

  /** Saves an article's file, then refreshes the claims index and the counts. */
  async #commit(
    article: ArticleMeta,
    file: Low<AnnotationFile>,
    revert: () => void
  ): Promise<void> {
    await commitChange(file, revert)
    await this.#parts.index.ready()
    this.#parts.index.putArticle(article.id, file.data)
    this.#parts.recount(article.id, file.data)
  }
}

/** The live claim `id` in an article's file, or a clear error. */
export function liveClaim(file: AnnotationFile, id: string, article: ArticleMeta): Claim {
  const claim = file.claims.find((c) => c.id === id && c.deletedAt === undefined)
  if (!claim) throw new DossierError('not_found', `id: no claim ${id} on article ${article.id}.`)
  return claim
}
