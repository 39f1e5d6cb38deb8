/**
 * One cold start, in a fresh process: `openLibraryProbe.ts DIR core|checked|validated|baseline`.
 * - core: load the store's modules, then Library.open + listArticles ("library list ready");
 * - checked: read library.json, JSON.parse it and check it as the store does on load (the
 *   in-place check of `checkIndexFile.ts`);
 * - validated: the same with the store's zod schema instead (what loading cost before);
 * - baseline: read library.json and JSON.parse it, nothing else.
 * Prints `{"ms": …, "importMs": …, "articles": …}`.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

const [dir, mode] = process.argv.slice(2)

const importStart = performance.now()
const { Library } = await import('../../src/core/store/Library')
const { IndexFile } = await import('../../src/core/store/files')
const { isIndexFile } = await import('../../src/core/store/checkIndexFile')
// Both sides load the same modules first, so neither pays for module loading in its figure.
const start = performance.now()
let articles: number
let ms: number
if (mode === 'core') {
  const library = await Library.open(dir, 'benchmark')
  articles = library.listArticles().length
  ms = performance.now() - start
  await library.close()
} else {
  const json: unknown = JSON.parse(await readFile(join(dir, 'library.json'), 'utf8'))
  if (mode === 'checked' && !isIndexFile(json)) throw new Error('library.json did not check')
  articles =
    mode === 'validated'
      ? IndexFile.parse(json).articles.length
      : (json as { articles: unknown[] }).articles.length
  ms = performance.now() - start
}
console.log(JSON.stringify({ ms, importMs: start - importStart, articles }))
