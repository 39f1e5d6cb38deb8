import { publishedDateOf } from '../../shared/publishedDate'
import { plainToDoc } from '../../shared/richText'

/**
 * Upgrades of each stored file's JSON from older formats, one step per format version.
 * A step takes the JSON of format N and returns that of N + 1; `DurableJsonFile` runs the
 * steps in memory after reading and validates the result against the current schema.
 */
export type MigrationStep = (json: Record<string, unknown>) => Record<string, unknown>

/** Steps of one kind of file, keyed by the format they upgrade from. */
export type Migrations = Readonly<Record<number, MigrationStep>>

/**
 * `library.json`: 2 adds tombstones of articles deleted for good; 3 reads each article's
 * "Published" into `publishedDate` (kept as typed too) and keeps later arrivals of the same
 * text (none are known from before).
 */
export const indexMigrations: Migrations = {
  1: (json) => ({ ...json, format: 2, tombstones: [] }),
  2: (json) => ({
    ...json,
    format: 3,
    articles: Array.isArray(json.articles)
      ? json.articles.map((article: Record<string, unknown>) => {
          const publishedDate =
            typeof article.publishedAt === 'string'
              ? publishedDateOf(article.publishedAt)
              : undefined
          return publishedDate === undefined ? article : { ...article, publishedDate }
        })
      : json.articles
  })
}

/**
 * `annotations/<id>.json`: 2 adds claims, links and highlight tombstones, and a highlight's
 * plain-text note becomes a rich-text document (one paragraph per line).
 */
export const annotationMigrations: Migrations = {
  1: (json) => ({
    ...json,
    format: 2,
    annotations: Array.isArray(json.annotations)
      ? json.annotations.map((annotation: Record<string, unknown>) => ({
          ...annotation,
          note: typeof annotation.note === 'string' ? plainToDoc(annotation.note) : annotation.note
        }))
      : json.annotations,
    claims: [],
    links: [],
    tombstones: []
  })
}

/** `workspace.json`: its shape did not change in 2. */
export const workspaceMigrations: Migrations = {
  1: (json) => ({ ...json, format: 2 })
}

/** Files new in format 2 have no older format to upgrade from. */
export const noMigrations: Migrations = {}

/** Runs the steps from `json.format` up to `target`; a missing step returns undefined. */
export function migrate(
  json: Record<string, unknown>,
  target: number,
  steps: Migrations
): Record<string, unknown> | undefined {
  let current = json
  while (typeof current.format === 'number' && current.format < target) {
    const step = steps[current.format]
    if (!step) return undefined
    current = step(current)
  }
  return current
}
