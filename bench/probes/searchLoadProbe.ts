/**
 * One cold load of a persisted search index, in a fresh process started with --expose-gc:
 * `searchLoadProbe.ts FILE index|parse [TEXTS]`.
 * - index: read the file and restore the index from it, as `LibrarySearch` does at start;
 *   then, given the folder of the articles' texts (`<id>.txt`), hold them in memory as
 *   `LibrarySearch` does once loaded;
 * - parse: read the file and `JSON.parse` each of its lines, nothing else.
 * Prints `{"ms": …, "heapBytes": …, "heldBytes": …, "items": …}`: heapBytes is what the
 * result holds, heldBytes the same with the texts held (0 without TEXTS), items its
 * articles or lines. `ms` is the load alone: texts are read in the background after it.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'

const [file, mode, texts] = process.argv.slice(2)
if (!globalThis.gc) throw new Error('searchLoadProbe needs node --expose-gc')
const settle = (): number => {
  // Twice: the first pass can leave weak references and finalizers for the second.
  globalThis.gc?.()
  globalThis.gc?.()
  return process.memoryUsage().heapUsed
}

// Both sides load the same modules first, so neither pays for module loading in its figure.
const { readSearchIndexFile } = await import('../../src/core/search/searchIndexFile')
const { SearchIndex } = await import('../../src/core/search/SearchIndex')
const before = settle()
const start = performance.now()
let held: unknown
let items: number
if (mode === 'index') {
  const loaded = await readSearchIndexFile(file, {
    readText: async (id) =>
      texts === undefined ? undefined : readFile(join(texts, `${id}.txt`), 'utf8'),
    articleDocuments: async () => [],
    readDocument: async () => undefined
  })
  if (!('index' in loaded)) throw new Error(`${loaded.problem}: ${loaded.detail}`)
  held = loaded.index
  items = loaded.index.articleIds().length
} else {
  const lines = (await readFile(file, 'utf8')).split('\n').filter((line) => line !== '')
  const parsed: unknown[] = lines.map((line) => JSON.parse(line) as unknown)
  held = parsed
  items = parsed.length
}
const ms = performance.now() - start
const heapBytes = settle() - before
let heldBytes = 0
if (mode === 'index' && texts !== undefined && held instanceof SearchIndex) {
  await held.holdTexts(() => false)
  heldBytes = settle() - before
}
console.log(JSON.stringify({ ms, heapBytes, heldBytes, items: held ? items : 0 }))
