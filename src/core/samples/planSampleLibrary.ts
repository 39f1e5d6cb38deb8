import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { TextPosition } from '../../shared/annotation'
import { findQuote } from '../../shared/anchoring'
import { DossierError } from '../../shared/result'
import { describeZodError } from '../describeZodError'
import { ImportRefusal } from '../import/ImportRefusal'
import { prepareArticle } from '../import/prepareArticle'
import type { NewArticle } from '../store/Library'
import { SAMPLE_MANIFEST } from './findSamplesFolder'
import { SampleManifest } from './SampleManifest'

type Entry<K extends 'highlights' | 'claims'> = SampleManifest[K][number]

/** The sample library read and checked, every passage found: ready to store. */
export interface SamplePlan {
  manifest: SampleManifest
  /** Prepared by the import pipeline, in the manifest's order. */
  articles: { key: string; file: string; article: NewArticle }[]
  highlights: (Entry<'highlights'> & { position: TextPosition })[]
  claims: (Entry<'claims'> & { position: TextPosition; cueSpan?: TextPosition })[]
}

/**
 * Reads the sample library in `folder` and checks all of it before anything is stored:
 * the manifest's shape, that every key it refers to exists, and that every quoted passage
 * is in its article as the import pipeline stores it. A shipped file that fails is a bug
 * of the installation, so the error names the file and what is wrong.
 */
export async function planSampleLibrary(folder: string): Promise<SamplePlan> {
  const parsed = SampleManifest.safeParse(
    JSON.parse(await readFile(join(folder, SAMPLE_MANIFEST), 'utf8'))
  )
  if (!parsed.success) throw damaged(describeZodError(SAMPLE_MANIFEST, parsed.error))
  const manifest = parsed.data

  const articles = await Promise.all(
    manifest.articles.map(async ({ key, file }) => {
      const bytes = await readFile(join(folder, file))
      try {
        return { key, file, article: prepareArticle({ name: file, bytes }).article }
      } catch (error) {
        if (error instanceof ImportRefusal) throw damaged(error.message)
        throw error
      }
    })
  )
  const textOf = keyed(
    'article',
    articles.map((a) => [a.key, a])
  )
  const sourceKeys = keyed(
    'source',
    manifest.sources.map((s) => [s.key, s])
  )
  const claimKeys = keyed(
    'claim',
    manifest.claims.map((c) => [c.key, c])
  )
  for (const key of manifest.open) textOf(key)
  for (const claim of manifest.claims) sourceKeys(claim.claimant)
  for (const link of manifest.links) {
    claimKeys(link.from)
    claimKeys(link.to)
  }

  const locate = (entry: Entry<'highlights'> | Entry<'claims'>): TextPosition => {
    const { article, file } = textOf(entry.article)
    const position = findQuote(article.text, entry.quote, entry.occurrence)
    if (!position) throw damaged(`${file}: “${entry.quote}” is not in the article.`)
    return position
  }
  return {
    manifest,
    articles,
    highlights: manifest.highlights.map((h) => ({ ...h, position: locate(h) })),
    claims: manifest.claims.map((claim) => {
      const position = locate(claim)
      if (claim.cue === undefined) return { ...claim, position }
      const { article, file } = textOf(claim.article)
      const cueSpan = nearestOccurrence(article.text, claim.cue, position)
      if (!cueSpan) throw damaged(`${file}: the cue “${claim.cue}” is not in the article.`)
      return { ...claim, position, cueSpan }
    })
  }
}

/** A lookup of the manifest's entries by key that refuses duplicate and unknown keys. */
function keyed<T>(kind: string, entries: [string, T][]): (key: string) => T {
  const byKey = new Map<string, T>()
  for (const [key, value] of entries) {
    if (byKey.has(key)) throw damaged(`${SAMPLE_MANIFEST}: the ${kind} key “${key}” is used twice.`)
    byKey.set(key, value)
  }
  return (key) => {
    const value = byKey.get(key)
    if (value === undefined) throw damaged(`${SAMPLE_MANIFEST}: no ${kind} has the key “${key}”.`)
    return value
  }
}

/** The occurrence of `phrase` closest to `passage`: a cue attributes the sentence it is in. */
function nearestOccurrence(
  text: string,
  phrase: string,
  passage: TextPosition
): TextPosition | undefined {
  let best: TextPosition | undefined
  const distance = (at: TextPosition): number =>
    Math.max(passage.start - at.end, at.start - passage.end, 0)
  for (let n = 1, at = findQuote(text, phrase); at; at = findQuote(text, phrase, ++n))
    if (!best || distance(at) < distance(best)) best = at
  return best
}

function damaged(detail: string): DossierError {
  return new DossierError(
    'internal',
    `The sample library of this installation is damaged: ${detail}`
  )
}
