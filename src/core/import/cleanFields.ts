import { ArticleFields } from '../../shared/article'
import type { FrontMatterFields } from './splitFrontMatter'

/** Limits of `ArticleFields`: the index is validated on every load, so nothing may exceed them. */
const MAX_TEXT = 1000
const MAX_URL = 4000
const MAX_DATE = 100
const MAX_TAGS = 200
const MAX_TAG = 200

/**
 * Metadata that always passes the `ArticleFields` schema, from what a file offered:
 * values trimmed to length, empty ones dropped, tags de-duplicated; `fallbackTitle` when
 * the file gave no title.
 */
export function cleanFields(found: FrontMatterFields, fallbackTitle: string): ArticleFields {
  const cut = (value: string | undefined, max: number): string | undefined =>
    value
      ?.trim()
      .slice(0, max)
      .replace(/[\uD800-\uDBFF]$/, '')
      .trim() || undefined
  const fields: ArticleFields = {
    title: cut(found.title, MAX_TEXT) ?? cut(fallbackTitle, MAX_TEXT) ?? 'Untitled',
    tags: [
      ...new Set(
        (found.tags ?? []).map((tag) => cut(tag, MAX_TAG)).filter((tag) => tag !== undefined)
      )
    ].slice(0, MAX_TAGS)
  }
  const source = cut(found.source, MAX_TEXT)
  const author = cut(found.author, MAX_TEXT)
  const publishedAt = cut(found.publishedAt, MAX_DATE)
  const url = cut(found.url, MAX_URL)
  if (source) fields.source = source
  if (author) fields.author = author
  if (publishedAt) fields.publishedAt = publishedAt
  if (url) fields.url = url
  return ArticleFields.parse(fields)
}
