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

/** One article's text as a target: its IRI and title (as JSON), and code point offsets. */
interface TargetText {
  sourceJson: string
  toCodePoints: (offset: number) => number
}

const CONTEXT_JSON = JSON.stringify(CONTEXT)

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
 * Each annotation is written as JSON text as it is made (the parts that repeat — context,
 * the article's source, the colours' bodies — once), not built as objects to stringify at
 * the end: a library's 10,000 highlights are most of any export.
 */
export function renderWebAnnotation(set: ExportSet): ExportedFile {
  const items: string[] = []
  const texts = new Map<string, TargetText>()
  const linkIds = new Set<string>()
  const colours = set.colorNames.map((name) =>
    JSON.stringify({ type: 'TextualBody', purpose: 'tagging', value: name })
  )
  for (const entry of set.articles) {
    const text = targetText(entry.article)
    texts.set(entry.article.id, text)
    articleAnnotations(entry, text, set, colours, linkIds, items)
  }
  for (const notebook of set.notebooks) {
    const annotation = notebookAnnotation(notebook, texts, set.titles)
    if (annotation) items.push(annotation)
  }
  const page = `{"@context":${CONTEXT_JSON},"id":"urn:uuid:${randomUUID()}","type":"AnnotationPage","startIndex":0,"items":[${items.join(',')}]}`
  const collection = JSON.stringify({
    '@context': CONTEXT,
    id: `urn:uuid:${randomUUID()}`,
    type: 'AnnotationCollection',
    label: set.scope.title,
    total: items.length,
    generated: set.exportedAt,
    generator: { id: 'urn:dossier:app', type: 'Software', name: `Dossier ${DOSSIER_VERSION}` }
  })
  // The page is embedded, yet carries its context: it is a document of its own to the suite.
  return {
    fileName: sanitizeFileName(set.scope.title, '.jsonld'),
    mimeType: 'application/ld+json; charset=utf-8',
    content: `${collection.slice(0, -1)},"first":${page}}\n`
  }
}

function targetText(article: Article): TargetText {
  return {
    sourceJson: JSON.stringify({
      id: articleIri(article.textSha256),
      type: 'Text',
      format: 'text/plain',
      title: article.title
    }),
    toCodePoints: codePointOffsets(article.text)
  }
}

function articleAnnotations(
  entry: ExportArticle,
  text: TargetText,
  set: ExportSet,
  colours: readonly string[],
  linkIds: Set<string>,
  items: string[]
): void {
  if (entry.note)
    items.push(
      `{${header(entry.note.id, 'commenting', entry.note)},"body":[${htmlBody(entry.note.doc)}],"target":${text.sourceJson}}`
    )
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
  colours: readonly string[]
): string {
  const colour = colours[highlight.color - 1]
  const note = noteHasText(highlight.note) ? htmlBody(highlight.note) : undefined
  const body = colour && note ? `${colour},${note}` : (colour ?? note ?? '')
  return `{${header(highlight.id, 'highlighting', highlight)},"body":[${body}],"target":${passageTarget(text, highlight)},"dossier:color":${highlight.color}}`
}

function claimAnnotation(
  claim: Claim,
  text: TargetText,
  sources: ReadonlyMap<string, Source>
): string {
  const source = claim.sourceId ? sources.get(claim.sourceId) : undefined
  const assessment = JSON.stringify({
    id: `${recordIri(claim.id)}#assessment`,
    type: 'dossier:ClaimAssessment',
    'dossier:status': claim.status,
    'dossier:attribution': claim.attribution,
    'dossier:grade': gradeCode(source?.reliability, claim.credibility),
    ...(claim.credibility ? { 'dossier:credibility': claim.credibility } : {}),
    ...(source
      ? {
          'dossier:claimant': {
            id: recordIri(source.id),
            type: 'dossier:Source',
            'dossier:name': source.name,
            'dossier:sourceKind': source.kind,
            ...(source.reliability ? { 'dossier:reliability': source.reliability } : {})
          }
        }
      : {})
  })
  const span = claim.attributionSpan
    ? `,"dossier:attributionSpan":${passageTarget(text, claim.attributionSpan)}`
    : ''
  const bodies = [
    `${assessment.slice(0, -1)}${span}}`,
    ...(claim.statement
      ? [JSON.stringify({ type: 'TextualBody', purpose: 'describing', value: claim.statement })]
      : []),
    ...claim.tags.map((tag) =>
      JSON.stringify({ type: 'TextualBody', purpose: 'tagging', value: tag })
    ),
    ...(noteHasText(claim.note) ? [htmlBody(claim.note)] : [])
  ]
  return `{${header(claim.id, 'assessing', claim)},"body":[${bodies.join(',')}],"target":${passageTarget(text, claim)}}`
}

/** "`from` supports (contradicts, repeats, derives from) `to`", between two claims. */
function linkAnnotation(link: ClaimLink): string {
  return `{${header(link.id, 'linking', link)},"body":${JSON.stringify(recordIri(link.toClaimId))},"target":${JSON.stringify(recordIri(link.fromClaimId))},"dossier:relation":${JSON.stringify(link.relation)}}`
}

/** A notebook comments on the passages it quotes; one that quotes none is not exported. */
function notebookAnnotation(
  notebook: Notebook,
  texts: ReadonlyMap<string, TargetText>,
  titles: ReadonlyMap<string, string>
): string | undefined {
  const targets = passageQuotesIn(notebook.doc).flatMap((quote) => {
    const text = texts.get(quote.articleId)
    if (!text) return []
    const exact = { exact: quote.exact, prefix: '', suffix: '' }
    return [passageTarget(text, { position: { start: quote.start, end: quote.end }, quote: exact })]
  })
  if (targets.length === 0) return undefined
  const body = htmlBody(withLiveTitles(notebook.doc, titles))
  return `{${header(notebook.id, 'commenting', notebook)},"body":[${body.slice(0, -1)},"dossier:title":${JSON.stringify(notebook.title)}}],"target":[${targets.join(',')}]}`
}

/** An annotation's first members, as JSON text without the braces. */
function header(
  id: string,
  motivation: string,
  record: { createdAt: string; updatedAt: string }
): string {
  const modified =
    record.updatedAt !== record.createdAt ? `,"modified":${JSON.stringify(record.updatedAt)}` : ''
  return `"@context":${CONTEXT_JSON},"id":${JSON.stringify(recordIri(id))},"type":"Annotation","motivation":"${motivation}","created":${JSON.stringify(record.createdAt)}${modified}`
}

/** A note as an HTML TextualBody, as JSON text. */
function htmlBody(doc: RichDoc): string {
  return JSON.stringify({
    type: 'TextualBody',
    purpose: 'commenting',
    format: 'text/html',
    value: noteToHtml(doc)
  })
}

/** A passage of the text as a SpecificResource with both selectors, as JSON text. */
function passageTarget(
  text: TargetText,
  { position, quote }: { position: TextPosition; quote: TextQuote }
): string {
  return `{"type":"SpecificResource","source":${text.sourceJson},"selector":[{"type":"TextQuoteSelector","exact":${JSON.stringify(quote.exact)},"prefix":${JSON.stringify(quote.prefix)},"suffix":${JSON.stringify(quote.suffix)}},{"type":"TextPositionSelector","start":${text.toCodePoints(position.start)},"end":${text.toCodePoints(position.end)}}]}`
}
