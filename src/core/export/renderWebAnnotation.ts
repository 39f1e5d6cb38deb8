import { randomUUID } from 'node:crypto'
import type { Annotation, TextPosition, TextQuote } from '../../shared/annotation'
import type { Article } from '../../shared/article'
import type { Claim, ClaimLink } from '../../shared/claim'
import { gradeCode } from '../../shared/claim'
import type { ExportedFile } from '../../shared/exporting'
import type { Notebook } from '../../shared/notebook'
import type { RichDoc } from '../../shared/richText'
import type { Source } from '../../shared/source'
import { DOSSIER_VERSION } from '../../shared/version'
import { codePointOffsets } from './codePointOffsets'
import type { ExportArticle, ExportSet } from './ExportSet'
import { passagesOf } from './ExportSet'
import { noteHasText } from './noteHasText'
import { noteToHtml } from './noteToHtml'
import { passageQuotesIn } from './passageQuotesIn'
import { sanitizeFileName } from './sanitizeFileName'
import { articleIri, CONTEXT, recordIri } from './webAnnotationTerms'
import { withLiveTitles } from './withLiveTitles'

type Json = Record<string, unknown>

/** One article's text as a target: its IRI and title, and its offsets in code points. */
interface TargetText {
  source: Json
  toCodePoints: (offset: number) => number
}

/**
 * The W3C Web Annotation export: one AnnotationCollection whose page holds an annotation
 * per highlight (`highlighting`), claim (`assessing`), article note and notebook
 * (`commenting`) and link between claims (`linking`). Each passage is a SpecificResource
 * of the article's text (`urn:dossier:text:sha256:…`, with its title) with a
 * TextQuoteSelector and a TextPositionSelector counting code points, as the Recommendation
 * requires. Notes are HTML TextualBodies; highlight colours and claim tags are `tagging`
 * bodies; a claim's judgement is a `dossier:ClaimAssessment` body (the extension terms are
 * documented in docs/web-annotation-context.jsonld).
 *
 * A library's 10,000 highlights are most of any export, so each annotation is one object
 * literal of a fixed shape (an absent member is `undefined`, which JSON leaves out), the
 * parts that repeat (context, the article's source, the colours' bodies) are shared
 * objects, and the whole collection is stringified once.
 */
export function renderWebAnnotation(set: ExportSet): ExportedFile {
  const items: Json[] = []
  const texts = new Map<string, TargetText>()
  const linkIds = new Set<string>()
  const colours = set.colorNames.map((name) => ({
    type: 'TextualBody',
    purpose: 'tagging',
    value: name
  }))
  for (const entry of set.articles) {
    const text = targetText(entry.article)
    texts.set(entry.article.id, text)
    articleAnnotations(entry, text, set, colours, linkIds, items)
  }
  for (const notebook of set.notebooks) {
    const annotation = notebookAnnotation(notebook, texts, set.titles)
    if (annotation) items.push(annotation)
  }
  const collection = {
    '@context': CONTEXT,
    id: `urn:uuid:${randomUUID()}`,
    type: 'AnnotationCollection',
    label: set.scope.title,
    total: items.length,
    generated: set.exportedAt,
    generator: { id: 'urn:dossier:app', type: 'Software', name: `Dossier ${DOSSIER_VERSION}` },
    // The page is embedded, yet carries its context: it is a document of its own to the suite.
    first: {
      '@context': CONTEXT,
      id: `urn:uuid:${randomUUID()}`,
      type: 'AnnotationPage',
      startIndex: 0,
      items
    }
  }
  return {
    fileName: sanitizeFileName(set.scope.title, '.jsonld'),
    mimeType: 'application/ld+json; charset=utf-8',
    content: `${JSON.stringify(collection)}\n`
  }
}

function targetText(article: Article): TargetText {
  return {
    source: {
      id: articleIri(article.textSha256),
      type: 'Text',
      format: 'text/plain',
      title: article.title
    },
    toCodePoints: codePointOffsets(article.text)
  }
}

function articleAnnotations(
  entry: ExportArticle,
  text: TargetText,
  set: ExportSet,
  colours: readonly Json[],
  linkIds: Set<string>,
  items: Json[]
): void {
  if (entry.note)
    items.push(annotation(entry.note, 'commenting', [htmlBody(entry.note.doc)], text.source))
  for (const passage of passagesOf(entry)) {
    items.push(
      passage.kind === 'highlight'
        ? highlightAnnotation(passage.record, text, colours)
        : claimAnnotation(passage.record, text, set.sources)
    )
  }
  for (const { link } of entry.links) {
    if (linkIds.has(link.id)) continue
    linkIds.add(link.id)
    items.push(linkAnnotation(link))
  }
}

function highlightAnnotation(
  highlight: Annotation,
  text: TargetText,
  colours: readonly Json[]
): Json {
  const colour = colours[highlight.color - 1]
  const body: Json[] = colour ? [colour] : []
  if (noteHasText(highlight.note)) body.push(htmlBody(highlight.note))
  const item = annotation(highlight, 'highlighting', body, passageTarget(text, highlight))
  item['dossier:color'] = highlight.color
  return item
}

function claimAnnotation(
  claim: Claim,
  text: TargetText,
  sources: ReadonlyMap<string, Source>
): Json {
  const source = claim.sourceId ? sources.get(claim.sourceId) : undefined
  const assessment = {
    id: `${recordIri(claim.id)}#assessment`,
    type: 'dossier:ClaimAssessment',
    'dossier:status': claim.status,
    'dossier:attribution': claim.attribution,
    'dossier:grade': gradeCode(source?.reliability, claim.credibility),
    'dossier:credibility': claim.credibility,
    'dossier:claimant': source && {
      id: recordIri(source.id),
      type: 'dossier:Source',
      'dossier:name': source.name,
      'dossier:sourceKind': source.kind,
      'dossier:reliability': source.reliability
    },
    'dossier:attributionSpan': claim.attributionSpan && passageTarget(text, claim.attributionSpan)
  }
  const body: Json[] = [assessment]
  if (claim.statement)
    body.push({ type: 'TextualBody', purpose: 'describing', value: claim.statement })
  for (const tag of claim.tags) body.push({ type: 'TextualBody', purpose: 'tagging', value: tag })
  if (noteHasText(claim.note)) body.push(htmlBody(claim.note))
  return annotation(claim, 'assessing', body, passageTarget(text, claim))
}

/** "`from` supports (contradicts, repeats, derives from) `to`", between two claims. */
function linkAnnotation(link: ClaimLink): Json {
  const item = annotation(link, 'linking', recordIri(link.toClaimId), recordIri(link.fromClaimId))
  item['dossier:relation'] = link.relation
  return item
}

/** A notebook comments on the passages it quotes; one that quotes none is not exported. */
function notebookAnnotation(
  notebook: Notebook,
  texts: ReadonlyMap<string, TargetText>,
  titles: ReadonlyMap<string, string>
): Json | undefined {
  const targets = passageQuotesIn(notebook.doc).flatMap((quote) => {
    const text = texts.get(quote.articleId)
    if (!text) return []
    const exact = { exact: quote.exact, prefix: '', suffix: '' }
    return [passageTarget(text, { position: { start: quote.start, end: quote.end }, quote: exact })]
  })
  if (targets.length === 0) return undefined
  const body = htmlBody(withLiveTitles(notebook.doc, titles))
  body['dossier:title'] = notebook.title
  return annotation(notebook, 'commenting', [body], targets)
}

/** An annotation of a record: its IRI, motivation, dates, body and target. */
function annotation(
  record: { id: string; createdAt: string; updatedAt: string },
  motivation: string,
  body: unknown,
  target: unknown
): Json {
  return {
    '@context': CONTEXT,
    id: recordIri(record.id),
    type: 'Annotation',
    motivation,
    created: record.createdAt,
    modified: record.updatedAt !== record.createdAt ? record.updatedAt : undefined,
    body,
    target
  }
}

function htmlBody(doc: RichDoc): Json {
  return { type: 'TextualBody', purpose: 'commenting', format: 'text/html', value: noteToHtml(doc) }
}

/** A passage of the text as a SpecificResource with both selectors. */
function passageTarget(
  text: TargetText,
  { position, quote }: { position: TextPosition; quote: TextQuote }
): Json {
  return {
    type: 'SpecificResource',
    source: text.source,
    selector: [
      { type: 'TextQuoteSelector', exact: quote.exact, prefix: quote.prefix, suffix: quote.suffix },
      {
        type: 'TextPositionSelector',
        start: text.toCodePoints(position.start),
        end: text.toCodePoints(position.end)
      }
    ]
  }
}
