import { Readability } from '@mozilla/readability'
import { parseHTML } from 'linkedom'
import type { FrontMatterFields } from './splitFrontMatter'
import { htmlToText } from './htmlToText'

export interface HtmlArticle {
  /** Plain text of the readable article; paragraphs separated by a blank line. */
  text: string
  fields: Omit<FrontMatterFields, 'tags' | 'url'>
}

/**
 * The readable article of a saved web page, as plain text plus its title, byline, site
 * name and published date, via Mozilla Readability (Firefox Reader View) on linkedom.
 * Readability drops navigation, ads, scripts and forms; `htmlToText` then reads text
 * nodes only. When Readability finds no article, the whole body is read instead.
 */
export function extractHtmlArticle(html: string): HtmlArticle {
  const article = new Readability(parseDocument(html) as unknown as Document, {
    serializer: (node) => node
  }).parse()
  // Readability gutted the first parse when it found nothing, so read a fresh one.
  const page = article?.content ? undefined : parseDocument(html)
  const text = htmlToText(article?.content ?? page!)
  const fields: HtmlArticle['fields'] = {}
  const title = clean(article?.title) ?? clean(page?.title)
  const author = clean(article?.byline)
  const source = clean(article?.siteName)
  const publishedAt = clean(article?.publishedTime)
  if (title) fields.title = title
  if (author) fields.author = author
  if (source) fields.source = source
  if (publishedAt) fields.publishedAt = publishedAt
  return { text, fields }
}

/**
 * linkedom makes the first element the document element, and none at all for bare text
 * ("<p>…" or "Hello"); Readability needs an `<html>` with a body, as a browser would build.
 */
function parseDocument(html: string) {
  const { document } = parseHTML(html)
  if (document.documentElement?.nodeName === 'HTML') return document
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document
}

function clean(value: string | null | undefined): string | undefined {
  return value?.replace(/\s+/g, ' ').trim() || undefined
}
