import { randomUUID } from 'node:crypto'
import type { ParsedInputOf } from '../../shared/api'
import type {
  ClaimBoard,
  ClaimLink,
  ClaimSummary,
  Corroboration,
  LinkedClaim
} from '../../shared/claim'
import { DossierError } from '../../shared/result'
import type { ClaimStoreParts } from './ClaimStore'
import { commitChange, restoreFields } from './commitChange'
import type { ClaimGraph } from './corroborate'
import { corroborate } from './corroborate'

/**
 * Links between claims, in the same or different articles. A link is stored with its
 * `from` claim's article; the claims index finds the links that end at a claim. Links
 * whose other end is deleted or in the Trash are hidden, not removed: restoring an article
 * from the Trash brings its links back.
 */
export class LinkStore implements ClaimGraph {
  readonly #parts: ClaimStoreParts

  constructor(parts: ClaimStoreParts) {
    this.#parts = parts
  }

  /** A live claim whose article is not in the Trash. */
  claim(id: string): ClaimSummary | undefined {
    const summary = this.#parts.index.claim(id)
    if (!summary) return undefined
    const article = this.#parts.articles.byId(summary.articleId)
    return article && article.deletedAt === undefined ? summary : undefined
  }

  liveLinksOf(claimId: string): ClaimLink[] {
    return this.#parts.index
      .linksOf(claimId)
      .filter(
        (link) =>
          link.deletedAt === undefined &&
          this.claim(link.fromClaimId) !== undefined &&
          this.claim(link.toClaimId) !== undefined
      )
  }

  linked(link: ClaimLink, fromClaimId: string): LinkedClaim {
    const outgoing = link.fromClaimId === fromClaimId
    const other = this.claim(outgoing ? link.toClaimId : link.fromClaimId)!
    const source = other.sourceId ? this.#parts.sources.byId(other.sourceId) : undefined
    return {
      link,
      outgoing,
      other,
      otherArticleTitle: this.#parts.articles.byId(other.articleId)?.title ?? other.articleId,
      ...(source ? { otherSourceName: source.name } : {})
    }
  }

  async create(input: ParsedInputOf<'createLink'>): Promise<ClaimLink> {
    const { index, articles, files } = this.#parts
    await index.ready()
    const from = this.claim(input.fromClaimId)
    if (!from) throw new DossierError('not_found', `fromClaimId: no claim ${input.fromClaimId}.`)
    const to = this.claim(input.toClaimId)
    if (!to) throw new DossierError('not_found', `toClaimId: no claim ${input.toClaimId}.`)
    if (from.id === to.id)
      throw new DossierError('invalid_input', 'toClaimId: a claim cannot be linked to itself.')
    const twin = this.liveLinksOf(from.id).find(
      (link) =>
        link.relation === input.relation &&
        ((link.fromClaimId === from.id && link.toClaimId === to.id) ||
          (input.relation !== 'derives-from' &&
            link.fromClaimId === to.id &&
            link.toClaimId === from.id))
    )
    if (twin)
      throw new DossierError(
        'invalid_input',
        `relation: these claims are already linked as ${input.relation}.`
      )
    if (input.id && index.link(input.id))
      throw new DossierError('invalid_input', `id: link ${input.id} already exists.`)
    const article = articles.find(from.articleId)
    const file = await files.get(article)
    const now = new Date().toISOString()
    const link: ClaimLink = {
      id: input.id ?? randomUUID(),
      fromClaimId: from.id,
      fromArticleId: from.articleId,
      toClaimId: to.id,
      toArticleId: to.articleId,
      relation: input.relation,
      createdAt: now,
      updatedAt: now
    }
    file.data.links.push(link)
    await commitChange(file, () => {
      file.data.links = file.data.links.filter((l) => l !== link)
    })
    index.putArticle(article.id, file.data)
    return link
  }

  /** Deletes a link, keeping it as a tombstone. */
  async remove(id: string): Promise<void> {
    await this.#edit(id, 'live', (link) => (link.deletedAt = new Date().toISOString()))
  }

  async undelete(id: string): Promise<ClaimLink> {
    return this.#edit(id, 'deleted', (link) => {
      delete link.deletedAt
      delete link.deletedWithClaim
    })
  }

  /** The links of an article's live claims, with the claim at the other end. */
  async listFor(articleId: string): Promise<LinkedClaim[]> {
    const { index } = this.#parts
    await index.ready()
    const article = this.#parts.articles.find(articleId)
    return index
      .claimsOf(article.id)
      .flatMap((claim) => this.liveLinksOf(claim.id).map((link) => this.linked(link, claim.id)))
  }

  async corroboration(claimId: string): Promise<Corroboration> {
    await this.#parts.index.ready()
    if (!this.claim(claimId)) throw new DossierError('not_found', `claimId: no claim ${claimId}.`)
    return corroborate(this, claimId)
  }

  /** Every live claim whose article is not in the Trash (the index must be ready). */
  *claimsOutsideTrash(): Generator<ClaimSummary> {
    for (const claim of this.#parts.index.claims()) {
      if (this.#parts.articles.byId(claim.articleId)?.deletedAt === undefined) yield claim
    }
  }

  /**
   * Every live claim outside the Trash, with its article, claimant and link count, by
   * column; each article, source and tag once.
   */
  async board(): Promise<ClaimBoard> {
    const { index, articles, sources } = this.#parts
    await index.ready()
    const board: ClaimBoard = {
      articles: [],
      sources: [],
      tags: [],
      claims: {
        id: [],
        article: [],
        start: [],
        end: [],
        exact: [],
        statement: [],
        source: [],
        attribution: [],
        status: [],
        credibility: [],
        tags: [],
        createdAt: [],
        updatedAt: [],
        links: []
      }
    }
    const { claims } = board
    const articleAt = new Map<string, number>()
    const sourceAt = new Map<string, number>()
    const tagAt = new Map<string, number>()
    for (const claim of index.claims()) {
      let article = articleAt.get(claim.articleId)
      if (article === undefined) {
        const meta = articles.byId(claim.articleId)
        if (!meta || meta.deletedAt !== undefined) continue
        article = board.articles.push({ id: meta.id, title: meta.title }) - 1
        articleAt.set(meta.id, article)
      }
      let source = claim.sourceId === undefined ? -1 : sourceAt.get(claim.sourceId)
      if (source === undefined) {
        const id = claim.sourceId!
        const known = sources.byId(id)
        source =
          board.sources.push({
            id,
            ...(known ? { name: known.name } : {}),
            ...(known?.reliability ? { reliability: known.reliability } : {})
          }) - 1
        sourceAt.set(id, source)
      }
      claims.id.push(claim.id)
      claims.article.push(article)
      claims.start.push(claim.start)
      claims.end.push(claim.end)
      claims.exact.push(claim.exact)
      claims.statement.push(claim.statement)
      claims.source.push(source)
      claims.attribution.push(claim.attribution)
      claims.status.push(claim.status)
      claims.credibility.push(claim.credibility ?? 0)
      claims.tags.push(
        claim.tags.map((tag) => {
          let at = tagAt.get(tag)
          if (at === undefined) {
            at = board.tags.push(tag) - 1
            tagAt.set(tag, at)
          }
          return at
        })
      )
      claims.createdAt.push(claim.createdAt)
      claims.updatedAt.push(claim.updatedAt)
      claims.links.push(this.liveLinksOf(claim.id).length)
    }
    return board
  }

  async #edit(
    id: string,
    state: 'live' | 'deleted',
    change: (link: ClaimLink) => void
  ): Promise<ClaimLink> {
    const { index, articles, files } = this.#parts
    await index.ready()
    const known = index.link(id)
    if (!known || (known.deletedAt === undefined) !== (state === 'live'))
      throw new DossierError('not_found', `id: no ${state === 'live' ? '' : 'deleted '}link ${id}.`)
    if (state === 'deleted' && (!this.claim(known.fromClaimId) || !this.claim(known.toClaimId)))
      throw new DossierError(
        'refused',
        `id: link ${id} joins a claim that is deleted or in the Trash.`
      )
    const article = articles.find(known.fromArticleId)
    const file = await files.get(article)
    const link = file.data.links.find((l) => l.id === id)
    if (!link) throw new DossierError('not_found', `id: no link ${id}.`)
    const before = { ...link }
    change(link)
    link.updatedAt = new Date().toISOString()
    await commitChange(file, () => restoreFields(link, before))
    index.putArticle(article.id, file.data)
    return link
  }
}
