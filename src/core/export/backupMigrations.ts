import type { Migrations } from '../store/migrations'
import { annotationMigrations } from '../store/migrations'

/**
 * Upgrades of a backup's JSON from older store formats, one step per format, made of the
 * same steps that upgrade the store's own files. A format-1 backup holds what Dossier
 * 0.1.0's files held: articles with their text and highlights (plain-text notes), and the
 * workspace.
 */
export const backupMigrations: Migrations = {
  1: (json) => ({
    ...json,
    format: 2,
    scope: json.scope ?? 'library',
    articles: Array.isArray(json.articles)
      ? json.articles.map((entry: Record<string, unknown>) => {
          const { annotations } = annotationMigrations[1]!({
            format: 1,
            annotations: entry.annotations
          })
          return { ...entry, annotations, claims: [], links: [], tombstones: [] }
        })
      : json.articles,
    sources: [],
    notebooks: [],
    tombstones: []
  })
}
