/**
 * Recorded with every imported article. Bump it whenever the same bytes could decode or
 * normalise to a different text, so evidence says which rules produced an article.
 */
export const IMPORTER_VERSION = '2'
