/**
 * One cold load of a persisted search index, in a fresh process started with --expose-gc:
 * `searchLoadProbe.ts FILE index|parse`.
 * - index: read the file and restore the index from it, as `LibrarySearch` does at start;
 * - parse: read the file and `JSON.parse` each of its lines, nothing else.
 * Prints `{"ms": …, "heapBytes": …, "items": …}`: heapBytes is what the result holds, items its articles or lines.
 */
import { readFile } from 'node:fs/promises'

const [file, mode] = process.argv.slice(2)
if (!globalThis.gc) throw new Error('searchLoadProbe needs node --expose-gc')
const settle = (): number => {
  // Twice: the first pass can leave weak references and finalizers for the second.
  globalThis.gc?.()
  globalThis.gc?.()
  return process.memoryUsage().heapUsed
}

// Both sides load the same modules first, so neither pays for module loading in its figure.
const { readSearchIndexFile } = await import('../../src/core/search/searchIndexFile')
const before = settle()
const start = performance.now()
let held: unknown
let items: number
if (mode === 'index') {
  const loaded = await readSearchIndexFile(file, {
    readText: async () => undefined,
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
console.log(JSON.stringify({ ms, heapBytes, items: held ? items : 0 }))
