import { randomUUID } from 'node:crypto'
import type { Annotation, TextPosition, TextQuote } from '../../shared/annotation'
import type { Article } from '../../shared/article'
import type { Claim, ClaimLink } from '../../shared/claim'
import { gradeCode } from '../../shared/claim'
import type { ExportedFile } from '../../shared/exporting'
import type { Notebook } from '../../shared/notebook'
import type { RichDoc } from '../../shared/richText'
import { isEmptyDoc } from '../../shared/richText'
import type { Source } from '../../shared/source'
import { DOSSIER_VERSION } from '../../shared/version'
import { codePointOffsets } from './codePointOffsets'
import type { ExportArticle, ExportSet } from './ExportSet'
import { passagesOf } from './ExportSet'
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
 */
export function renderWebAnnotation(set: ExportSet): ExportedFile {
  const items: Json[] = []
  const texts = new Map<string, TargetText>()
  const linkIds = new Set<string>()
  for (const entry of set.articles) {
    const text = targetText(entry.article)
    texts.set(entry.article.id, text)
    items.push(...articleAnnotations(entry, text, set, linkIds))
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
  linkIds: Set<string>
): Json[] {
  const items: Json[] = []
  if (entry.note)
    items.push({
      ...header(entry.note.id, 'commenting', entry.note),
      body: [htmlBody(entry.note.doc)],
      target: text.source
    })
  for (const passage of passagesOf(entry)) {
    items.push(
      passage.kind === 'highlight'
        ? highlightAnnotation(passage.record, text, set.colorNames)
        : claimAnnotation(passage.record, text, set.sources)
    )
  }
  for (const { link } of entry.links) {
    if (linkIds.has(link.id)) continue
    linkIds.add(link.id)
    items.push(linkAnnotation(link))
  }
  return items
}

function highlightAnnotation(
  highlight: Annotation,
  text: TargetText,
  colorNames: readonly string[]
): Json {
  const colour = colorNames[highlight.color - 1]
  return {
    ...header(highlight.id, 'highlighting', highlight),
    body: [
      ...(colour ? [{ type: 'TextualBody', purpose: 'tagging', value: colour }] : []),
      ...(isEmptyDoc(highlight.note) ? [] : [htmlBody(highlight.note)])
    ],
    target: passageTarget(text, highlight),
    'dossier:color': highlight.color
  }
}

function claimAnnotation(
  claim: Claim,
  text: TargetText,
  sources: ReadonlyMap<string, Source>
): Json {
  const source = claim.sourceId ? sources.get(claim.sourceId) : undefined
  const assessment: Json = {
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
      : {}),
    ...(claim.attributionSpan
      ? { 'dossier:attributionSpan': passageTarget(text, claim.attributionSpan) }
      : {})
  }
  return {
    ...header(claim.id, 'assessing', claim),
    body: [
      assessment,
      ...(claim.statement
        ? [{ type: 'TextualBody', purpose: 'describing', value: claim.statement }]
        : []),
      ...claim.tags.map((tag) => ({ type: 'TextualBody', purpose: 'tagging', value: tag })),
      ...(isEmptyDoc(claim.note) ? [] : [htmlBody(claim.note)])
    ],
    target: passageTarget(text, claim)
  }
}

/** "`from` supports (contradicts, repeats, derives from) `to`", between two claims. */
function linkAnnotation(link: ClaimLink): Json {
  return {
    ...header(link.id, 'linking', link),
    body: recordIri(link.toClaimId),
    target: recordIri(link.fromClaimId),
    'dossier:relation': link.relation
  }
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
  return {
    ...header(notebook.id, 'commenting', notebook),
    body: [{ ...htmlBody(withLiveTitles(notebook.doc, titles)), 'dossier:title': notebook.title }],
    target: targets
  }
}

function header(id: string, motivation: string, record: { createdAt: string; updatedAt: string }) {
  return {
    '@context': CONTEXT,
    id: recordIri(id),
    type: 'Annotation',
    motivation,
    created: record.createdAt,
    ...(record.updatedAt !== record.createdAt ? { modified: record.updatedAt } : {})
  }
}

function htmlBody(doc: RichDoc): Json {
  return { type: 'TextualBody', purpose: 'commenting', format: 'text/html', value: noteToHtml(doc) }
}

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
