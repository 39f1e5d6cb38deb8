import { join } from 'node:path'
import { Low } from 'lowdb'
import type { ArticleMeta } from '../../shared/article'
import type { Claim, ClaimLink, ClaimSummary } from '../../shared/claim'
import { DeferredWrite } from './DeferredWrite'
import { DamagedFileError, DurableJsonFile } from './DurableJsonFile'
import type { AnnotationFile, ClaimIndexFile } from './files'
import { ClaimIndexFile as ClaimIndexFileSchema, FORMAT_VERSION } from './files'
import { noMigrations } from './migrations'

/** What the claims index reads to rebuild itself. */
export interface ClaimIndexSource {
  articles(): readonly ArticleMeta[]
  load(article: ArticleMeta): Promise<AnnotationFile | undefined>
  exclusive<T>(operation: () => Promise<T>): Promise<T>
  notices: string[]
}

/** The index reaches disk this long after the last change; it is derived data. */
const WRITE_DELAY_MS = 1000

export function summarizeClaim(claim: Claim): ClaimSummary {
  return {
    id: claim.id,
    articleId: claim.articleId,
    start: claim.position.start,
    end: claim.position.end,
    exact: claim.quote.exact,
    statement: claim.statement,
    ...(claim.sourceId ? { sourceId: claim.sourceId } : {}),
    attribution: claim.attribution,
    status: claim.status,
    ...(claim.credibility ? { credibility: claim.credibility } : {}),
    tags: claim.tags,
    createdAt: claim.createdAt,
    updatedAt: claim.updatedAt
  }
}

/**
 * `claims-index.json`: every live claim's summary and every link (tombstones included),
 * derived from the annotation files, so the board and links across articles never read
 * 10,000 files. It is loaded on first use, rebuilt from the annotation files when missing
 * or damaged, and refreshed for the files a crashed session may have saved after it.
 */
export class ClaimIndex {
  readonly #source: ClaimIndexSource
  readonly #file: Low<ClaimIndexFile>
  readonly #claims = new Map<string, ClaimSummary>()
  readonly #links = new Map<string, ClaimLink>()
  readonly #linksByClaim = new Map<string, Set<string>>()
  /** Per article: the ids of its claims and of the links stored in its file. */
  readonly #byArticle = new Map<string, { claims: Set<string>; links: Set<string> }>()
  readonly #write: DeferredWrite
  #loading: Promise<void> | undefined
  /** Articles whose files may be newer than the index (saved after it, before a crash). */
  #stale: ArticleMeta[] = []

  constructor(dataDir: string, source: ClaimIndexSource) {
    this.#source = source
    const adapter = new DurableJsonFile(
      join(dataDir, 'claims-index.json'),
      ClaimIndexFileSchema,
      noMigrations
    )
    this.#file = new Low<ClaimIndexFile>(adapter, { format: FORMAT_VERSION, claims: [], links: [] })
    this.#write = new DeferredWrite(
      WRITE_DELAY_MS,
      () => source.exclusive(() => this.#save()),
      (error) => source.notices.push(`Could not save the claims index: ${String(error)}`)
    )
  }

  /** Marks articles whose annotation files must be read again on load. */
  markStale(articles: ArticleMeta[]): void {
    this.#stale.push(...articles)
  }

  /** Loads the index once; every query awaits this first. */
  ready(): Promise<void> {
    this.#loading ??= this.#load()
    return this.#loading
  }

  claim(id: string): ClaimSummary | undefined {
    return this.#claims.get(id)
  }

  claims(): IterableIterator<ClaimSummary> {
    return this.#claims.values()
  }

  link(id: string): ClaimLink | undefined {
    return this.#links.get(id)
  }

  /** Every link touching a claim, tombstones included. */
  linksOf(claimId: string): ClaimLink[] {
    return [...(this.#linksByClaim.get(claimId) ?? [])].map((id) => this.#links.get(id)!)
  }

  /** Every live claim of an article. */
  claimsOf(articleId: string): ClaimSummary[] {
    return [...(this.#byArticle.get(articleId)?.claims ?? [])].map((id) => this.#claims.get(id)!)
  }

  /** Replaces what the index holds of one article with what its file holds now. */
  putArticle(articleId: string, file: AnnotationFile | undefined): void {
    this.#dropArticle(articleId)
    for (const claim of file?.claims ?? []) {
      if (claim.deletedAt === undefined) this.#putClaim(summarizeClaim(claim))
    }
    for (const link of file?.links ?? []) this.#putLink(link)
    this.#write.schedule()
  }

  /** Forgets an article deleted for good. */
  removeArticle(articleId: string): void {
    this.#dropArticle(articleId)
    this.#write.schedule()
  }

  /** Writes the index now and stops deferred writes (closing). */
  async close(): Promise<void> {
    this.#write.stop()
    if (this.#loading) {
      await this.#loading.catch(() => undefined)
      await this.#save()
    }
  }

  #entry(articleId: string): { claims: Set<string>; links: Set<string> } {
    let entry = this.#byArticle.get(articleId)
    if (!entry) this.#byArticle.set(articleId, (entry = { claims: new Set(), links: new Set() }))
    return entry
  }

  #dropArticle(articleId: string): void {
    const entry = this.#byArticle.get(articleId)
    if (!entry) return
    for (const id of entry.claims) this.#claims.delete(id)
    for (const id of entry.links) {
      const link = this.#links.get(id)
      this.#links.delete(id)
      if (!link) continue
      this.#linksByClaim.get(link.fromClaimId)?.delete(id)
      this.#linksByClaim.get(link.toClaimId)?.delete(id)
    }
    this.#byArticle.delete(articleId)
  }

  #putClaim(claim: ClaimSummary): void {
    this.#claims.set(claim.id, claim)
    this.#entry(claim.articleId).claims.add(claim.id)
  }

  #putLink(link: ClaimLink): void {
    this.#links.set(link.id, link)
    this.#entry(link.fromArticleId).links.add(link.id)
    for (const end of [link.fromClaimId, link.toClaimId]) {
      let ids = this.#linksByClaim.get(end)
      if (!ids) this.#linksByClaim.set(end, (ids = new Set()))
      ids.add(link.id)
    }
  }

  async #load(): Promise<void> {
    let usable: boolean
    try {
      await this.#file.read()
      const adapter = this.#file.adapter as DurableJsonFile<ClaimIndexFile>
      usable = await adapter.exists()
    } catch (error) {
      if (!(error instanceof DamagedFileError)) throw error
      usable = false
    }
    if (!usable) {
      await this.#rebuild(this.#source.articles())
      await this.#save()
      return
    }
    for (const claim of this.#file.data.claims) this.#putClaim(claim)
    for (const link of this.#file.data.links) this.#putLink(link)
    if (this.#stale.length > 0) {
      await this.#rebuild(this.#stale)
      await this.#save()
    }
    this.#stale = []
  }

  /** Reads the annotation files of `articles` and puts what they hold in the index. */
  async #rebuild(articles: readonly ArticleMeta[]): Promise<void> {
    for (const article of articles) this.putArticle(article.id, await this.#source.load(article))
  }

  async #save(): Promise<void> {
    this.#file.data = {
      format: FORMAT_VERSION,
      claims: [...this.#claims.values()],
      links: [...this.#links.values()]
    }
    await this.#file.write()
  }
}
