import { parse } from 'yaml'

/** Metadata a Markdown file's YAML front matter may give, before cleaning. */
export interface FrontMatterFields {
  title?: string
  source?: string
  author?: string
  publishedAt?: string
  url?: string
  tags?: string[]
}

export interface SplitMarkdown {
  fields: FrontMatterFields
  /** The Markdown after the front matter, as written. */
  body: string
  /** Set when a block looked like front matter but could not be read; it stays in the body. */
  notice?: string
}

// Front matter is a `---` line at the very start, YAML, then a `---` (or `...`) line.
const FRONT_MATTER = /^---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)/

/**
 * Splits YAML front matter (title, source, author, date, url, tags) from a Markdown text
 * with LF line endings. A block that is not valid YAML, or not a mapping, is kept in the
 * text untouched with a notice: a document may start with a `---` rule, and keeping every
 * character the author wrote beats refusing the file or dropping what we cannot read.
 */
export function splitFrontMatter(text: string): SplitMarkdown {
  const match = FRONT_MATTER.exec(text)
  if (!match) return { fields: {}, body: text }
  let data: unknown
  try {
    data = parse(match[1] ?? '', { schema: 'core', uniqueKeys: false })
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error)
    return {
      fields: {},
      body: text,
      notice: `The front matter is not valid YAML (${reason}); it was kept as text.`
    }
  }
  if (data === null || data === undefined) return { fields: {}, body: text.slice(match[0].length) }
  if (typeof data !== 'object' || Array.isArray(data)) {
    return {
      fields: {},
      body: text,
      notice: 'The block at the top is not key: value front matter; it was kept as text.'
    }
  }
  const entries = new Map(Object.entries(data).map(([key, value]) => [key.toLowerCase(), value]))
  const fields: FrontMatterFields = {}
  const title = scalar(entries.get('title'))
  const source = scalar(entries.get('source') ?? entries.get('publisher') ?? entries.get('site'))
  const author = listOrScalar(entries.get('author') ?? entries.get('authors'))
  const publishedAt = scalar(entries.get('date') ?? entries.get('published'))
  const url = scalar(entries.get('url') ?? entries.get('link'))
  const tags = tagList(entries.get('tags') ?? entries.get('keywords'))
  if (title) fields.title = title
  if (source) fields.source = source
  if (author) fields.author = author
  if (publishedAt) fields.publishedAt = publishedAt
  if (url) fields.url = url
  if (tags.length > 0) fields.tags = tags
  return { fields, body: text.slice(match[0].length) }
}

function scalar(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined
  if (typeof value === 'number' || typeof value === 'boolean') return String(value)
  if (value instanceof Date) return value.toISOString()
  return undefined
}

function listOrScalar(value: unknown): string | undefined {
  if (Array.isArray(value)) return value.map(scalar).filter(Boolean).join(', ') || undefined
  return scalar(value)
}

// Tags come as a YAML list or as one comma-separated string; both are common.
function tagList(value: unknown): string[] {
  const items = Array.isArray(value) ? value.map(scalar) : (scalar(value)?.split(',') ?? [])
  return items.flatMap((tag) => (tag?.trim() ? [tag.trim()] : []))
}
