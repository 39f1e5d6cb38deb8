import type { ArticleMeta } from '../../shared/article'
import type {
  ArticleIdsRequest,
  ArticleRow,
  ArticleView,
  ArticleWindow,
  ArticleWindowRequest
} from '../../shared/articleWindow'
import { sortArticles } from './sortArticles'

/** The text a filter looks in, lower-cased; fields kept apart so a match cannot span two. */
function haystackOf(article: ArticleMeta): string {
  return [article.title, article.source, article.author, article.publishedAt, ...article.tags]
    .filter((field) => field !== undefined)
    .join('\u0000')
    .toLowerCase()
}

function rowOf(article: ArticleMeta): ArticleRow {
  const { id, title, source, author, publishedAt, publishedDate, importedAt, tags, counts } =
    article
  return {
    id,
    title,
    ...(source === undefined ? {} : { source }),
    ...(author === undefined ? {} : { author }),
    ...(publishedAt === undefined ? {} : { publishedAt }),
    ...(publishedDate === undefined ? {} : { publishedDate }),
    importedAt,
    tags,
    counts,
    ...(article.deletedAt === undefined ? {} : { deletedAt: article.deletedAt })
  }
}

/**
 * The library table's windows over the store's in-memory articles. Each sorted order is
 * computed once and kept, with the last filtered list, until `invalidate` (after any
 * change): scrolling asks only for a slice, a new filter only scans the sorted list. After
 * a change an order is sorted again from the one it had, which is nearly in order: the sort
 * (TimSort, which finds the runs) then takes a few milliseconds, not a full sort's time.
 */
export class ArticleWindows {
  readonly #articles: () => readonly ArticleMeta[]
  readonly #byId: (id: string) => ArticleMeta | undefined
  #sorted = new Map<string, { articles: readonly ArticleMeta[]; fresh: boolean }>()
  #counts: { library: number; trash: number } | undefined
  #haystacks = new WeakMap<ArticleMeta, string>()
  #tags = new Map<boolean, string[]>()
  #filtered: { key: string; articles: readonly ArticleMeta[] } | undefined
  /** The list the caches were made from: another array (a restore) makes them stale too. */
  #source: { list: readonly ArticleMeta[]; length: number } | undefined

  constructor(store: { all(): readonly ArticleMeta[]; byId(id: string): ArticleMeta | undefined }) {
    this.#articles = () => store.all()
    this.#byId = (id) => store.byId(id)
  }

  /** Forgets every order and filter; the next window computes them again. */
  invalidate(): void {
    for (const order of this.#sorted.values()) order.fresh = false
    this.#counts = undefined
    this.#haystacks = new WeakMap()
    this.#tags = new Map()
    this.#filtered = undefined
  }

  /** `limit` rows of the view from `offset`, with its counts and tags. */
  window(request: ArticleWindowRequest): ArticleWindow {
    const matching = this.#view(request)
    const trash = request.trash === true
    const { library, trash: trashed } = this.#countsNow()
    return {
      offset: request.offset,
      rows: matching.slice(request.offset, request.offset + request.limit).map(rowOf),
      matching: matching.length,
      total: trash ? trashed : library,
      counts: { library, trash: trashed },
      tags: this.#tagsOf(trash)
    }
  }

  /** The ids of the view in its order: a range of it, or only those of `among`. */
  ids(request: ArticleIdsRequest): string[] {
    let articles = this.#view(request)
    if (request.among) {
      const among = new Set(request.among)
      articles = articles.filter((article) => among.has(article.id))
    }
    const offset = request.offset ?? 0
    const end = request.limit === undefined ? undefined : offset + request.limit
    return articles.slice(offset, end).map((article) => article.id)
  }

  /** The rows of these articles, library or Trash, in the order asked; unknown ids left out. */
  rows(ids: readonly string[]): ArticleRow[] {
    return ids.flatMap((id) => {
      const article = this.#byId(id)
      return article ? [rowOf(article)] : []
    })
  }

  #view(view: ArticleView): readonly ArticleMeta[] {
    const trash = view.trash === true
    const sort = view.sort ?? 'importedAt'
    const descending = view.sort === undefined ? true : view.descending === true
    const needle = view.filter?.trim().toLowerCase() ?? ''
    const tag = view.tag ?? ''
    const sorted = this.#sortedView(trash, sort, descending)
    if (needle === '' && tag === '') return sorted
    const key = JSON.stringify([trash, sort, descending, needle, tag])
    if (this.#filtered?.key === key) return this.#filtered.articles
    const articles = sorted.filter(
      (article) =>
        (tag === '' || article.tags.includes(tag)) &&
        (needle === '' || this.#haystack(article).includes(needle))
    )
    this.#filtered = { key, articles }
    return articles
  }

  #sortedView(
    trash: boolean,
    sort: ArticleView['sort'] & {},
    descending: boolean
  ): readonly ArticleMeta[] {
    this.#checkSource()
    const key = `${trash}:${sort}:${descending}`
    const order = this.#sorted.get(key)
    if (order?.fresh) return order.articles
    const inView = this.#articles().filter((article) => (article.deletedAt !== undefined) === trash)
    let start = inView
    if (order) {
      // The old order first (without the articles that left), then the ones that came.
      const members = new Set(inView)
      const kept = order.articles.filter((article) => members.has(article))
      const had = new Set(kept)
      start = [...kept, ...inView.filter((article) => !had.has(article))]
    }
    const articles = sortArticles(start, sort, descending)
    this.#sorted.set(key, { articles, fresh: true })
    return articles
  }

  #countsNow(): { library: number; trash: number } {
    this.#checkSource()
    if (!this.#counts) {
      let trash = 0
      for (const article of this.#articles()) if (article.deletedAt !== undefined) trash++
      this.#counts = { library: this.#articles().length - trash, trash }
    }
    return this.#counts
  }

  #tagsOf(trash: boolean): string[] {
    let tags = this.#tags.get(trash)
    if (!tags) {
      const seen = new Set<string>()
      for (const article of this.#articles())
        if ((article.deletedAt !== undefined) === trash)
          for (const tag of article.tags) seen.add(tag)
      tags = [...seen].sort()
      this.#tags.set(trash, tags)
    }
    return tags
  }

  #haystack(article: ArticleMeta): string {
    let haystack = this.#haystacks.get(article)
    if (haystack === undefined) {
      haystack = haystackOf(article)
      this.#haystacks.set(article, haystack)
    }
    return haystack
  }

  #checkSource(): void {
    const list = this.#articles()
    if (this.#source && this.#source.list === list && this.#source.length === list.length) return
    this.invalidate()
    // Another array altogether (a backup restored): no old order is worth starting from.
    if (this.#source?.list !== list) this.#sorted = new Map()
    this.#source = { list, length: list.length }
  }
}
