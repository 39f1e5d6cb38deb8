/**
 * RSS growth of a library held open in the core: `memoryProbe.ts DIR` in a fresh process
 * started with --expose-gc. The store's modules load before the first reading, so only
 * the library's data counts. "Open" here means the index plus every annotation file
 * (listAnnotations on each article): what the app holds after the analyst has visited
 * every article, the most the design keeps in memory. With `index` as a second argument,
 * only Library.open + listArticles: what `dossier list` and the library table hold.
 * Prints `{"rssBytes": …, "heapBytes": …}`.
 */
import { Library } from '../../src/core/store/Library'

const [dir, only] = process.argv.slice(2)
const settle = (): NodeJS.MemoryUsage => {
  // Run twice: the first pass can leave weak references and finalizers for the second.
  globalThis.gc?.()
  globalThis.gc?.()
  return process.memoryUsage()
}
if (!globalThis.gc) throw new Error('memoryProbe needs node --expose-gc')

const before = settle()
const library = await Library.open(dir, 'benchmark')
const articles = [...library.listArticles(), ...library.listArticles({ trash: true })]
if (only !== 'index') for (const article of articles) await library.listAnnotations(article.id)
const after = settle()
console.log(
  JSON.stringify({ rssBytes: after.rss - before.rss, heapBytes: after.heapUsed - before.heapUsed })
)
await library.close()
