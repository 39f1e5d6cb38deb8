import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Library } from '../../../src/core/store/Library'
import type { ArticleMeta } from '../../../src/shared/article'
import { sampleArticle } from '../store/sampleArticle'

export const wireText =
  'Port strike enters third day\n\nThe union says roughly 2,400 workers walked out, said Ilse Marrow. ' +
  'The port authority says fewer than 1,100 stayed away.'
export const opinionText =
  'The strike is not about cranes\n\nPayroll records show only about 900 workers stopped. ' +
  'Sources close to the talks say the plan was withdrawn.'
export const thirdText =
  'Freight forwarders count the cost\n\nA forwarder repeated the union figure of 2,400 workers.'

/** A real library in a temp folder with three articles, and a way to reopen it. */
export async function claimLibrary(): Promise<{
  library: Library
  dataDir: string
  wire: ArticleMeta
  opinion: ArticleMeta
  third: ArticleMeta
  reopen(): Promise<Library>
  cleanup(): Promise<void>
}> {
  const root = await mkdtemp(join(tmpdir(), 'dossier-claims-'))
  const dataDir = join(root, 'library')
  let library = await Library.open(dataDir, 'test')
  const [wire, opinion, third] = (
    await library.addArticles([
      sampleArticle(wireText, 'Port strike enters third day'),
      sampleArticle(opinionText, 'The strike is not about cranes'),
      sampleArticle(thirdText, 'Freight forwarders count the cost')
    ])
  ).map((outcome) => outcome.article)
  return {
    get library() {
      return library
    },
    dataDir,
    wire: wire!,
    opinion: opinion!,
    third: third!,
    async reopen() {
      await library.close()
      library = await Library.open(dataDir, 'test')
      return library
    },
    async cleanup() {
      await library.close()
      await rm(root, { recursive: true, force: true })
    }
  }
}

/** Offsets of the first occurrence of `quote` in `text`. */
export function span(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`"${quote}" is not in the text`)
  return { start, end: start + quote.length }
}
