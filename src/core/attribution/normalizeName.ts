/** Articles dropped from a name's start: `the union` and `union` are the same name. */
const LEADING_ARTICLES = /^(the|a|an) /

/**
 * A name as it compares: lower case, without diacritics (`Tomás` = `Tomas`), with every
 * apostrophe, quotation mark and punctuation sign gone (`Dockers' Union` = `Dockers’ Union`),
 * single spaces, no leading article.
 */
export function normalizeName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(LEADING_ARTICLES, '')
}
