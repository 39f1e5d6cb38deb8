import type { Node as PMNode } from 'prosemirror-model'
import { stringify } from 'yaml'
import type { ArticleMeta } from '../../shared/article'
import type { Claim, LinkedClaim } from '../../shared/claim'
import { gradeCode } from '../../shared/claim'
import type { ExportedFile } from '../../shared/exporting'
import type { Notebook } from '../../shared/notebook'
import type { RichDoc } from '../../shared/richText'
import { DOSSIER_VERSION } from '../../shared/version'
import type { ExportArticle, ExportSet } from './ExportSet'
import { passagesOf } from './ExportSet'
import { toMarkdown } from './markdownSerializer'
import { noteHasText } from './noteHasText'
import { document, fieldList, heading, noteBlocks, quoteBlock } from './markdownNodes'
import { sanitizeFileName } from './sanitizeFileName'
import { uniqueFileName } from './uniqueFileName'
import { withLiveTitles } from './withLiveTitles'

const MIME = 'text/markdown; charset=utf-8'

/**
 * The Markdown export: YAML front matter with each article's metadata and evidence, then
 * its notes, and its highlights and claims in text order, each passage a block quote
 * followed by its fields and its note; notebooks with their quoted passages as block quotes
 * naming the article. One combined file, or with `split` a file per article and notebook.
 * Readable in any CommonMark renderer and in Obsidian.
 */
export function renderMarkdown(set: ExportSet, { split = false } = {}): ExportedFile[] {
  const titles = set.titles
  if (split || set.scope.kind === 'notebook' || set.articles.length + set.notebooks.length === 1) {
    const taken = new Set<string>()
    const file = (title: string, content: string): ExportedFile => ({
      fileName: uniqueFileName(sanitizeFileName(title, '.md'), taken),
      mimeType: MIME,
      content
    })
    const articles =
      set.scope.kind === 'notebook'
        ? []
        : set.articles.map((entry) =>
            file(
              entry.article.title,
              frontMatter({ ...articleFields(entry.article), ...exportFields(set) }) +
                toMarkdown(document(articleBlocks(entry, set, 1)))
            )
          )
    const notebooks = set.notebooks.map((notebook) =>
      file(
        notebook.title,
        frontMatter({ ...notebookFields(notebook), ...exportFields(set) }) +
          toMarkdown(document(notebookBlocks(notebook, titles, 1)))
      )
    )
    return [...articles, ...notebooks]
  }
  const blocks = [
    ...set.articles.flatMap((entry) => articleBlocks(entry, set, 1)),
    ...set.notebooks.flatMap((notebook) => notebookBlocks(notebook, titles, 1))
  ]
  const header = {
    title: set.scope.title,
    ...exportFields(set),
    articles: set.articles.map((entry) => articleFields(entry.article)),
    ...(set.notebooks.length > 0 ? { notebooks: set.notebooks.map(notebookFields) } : {})
  }
  return [
    {
      fileName: sanitizeFileName(set.scope.title, '.md'),
      mimeType: MIME,
      content: frontMatter(header) + toMarkdown(document(blocks))
    }
  ]
}

function frontMatter(fields: Record<string, unknown>): string {
  return `---\n${stringify(fields, { lineWidth: 0 })}---\n\n`
}

function exportFields(set: ExportSet): Record<string, string> {
  return { exported: set.exportedAt, generator: `Dossier ${DOSSIER_VERSION}` }
}

/** An article's metadata and the evidence of where its text came from. */
function articleFields(article: ArticleMeta): Record<string, unknown> {
  const { origin } = article
  return {
    title: article.title,
    id: article.id,
    ...(article.source ? { source: article.source } : {}),
    ...(article.author ? { author: article.author } : {}),
    ...(article.publishedAt ? { published: article.publishedAt } : {}),
    ...(article.url ? { url: article.url } : {}),
    tags: article.tags,
    evidence: {
      textSha256: article.textSha256,
      originalSha256: origin.byteSha256,
      originalBytes: origin.byteLength,
      encoding: origin.encoding,
      encodingConfidence: origin.encodingConfidence,
      format: origin.format,
      ...(origin.fileName ? { fileName: origin.fileName } : {}),
      ...(origin.modifiedAt ? { fileModifiedAt: origin.modifiedAt } : {}),
      importedAt: article.importedAt,
      importerVersion: origin.importerVersion
    }
  }
}

function notebookFields(notebook: Notebook): Record<string, unknown> {
  return {
    title: notebook.title,
    id: notebook.id,
    created: notebook.createdAt,
    updated: notebook.updatedAt
  }
}

function articleBlocks(entry: ExportArticle, set: ExportSet, level: number): PMNode[] {
  const blocks = [heading(level, entry.article.title)]
  if (entry.note)
    blocks.push(heading(level + 1, 'Notes'), ...noteOf(entry.note.doc, level + 1, set))
  const passages = passagesOf(entry)
  if (passages.length > 0) blocks.push(heading(level + 1, 'Highlights and claims'))
  for (const passage of passages) {
    if (passage.kind === 'highlight') {
      const colour = set.colorNames[passage.record.color - 1] ?? `Colour ${passage.record.color}`
      blocks.push(
        heading(level + 2, `Highlight · ${colour}`),
        quoteBlock(passage.record.quote.exact),
        ...noteOf(passage.record.note, level + 2, set)
      )
      continue
    }
    const claim = passage.record
    const source = claim.sourceId ? set.sources.get(claim.sourceId) : undefined
    const grade = gradeCode(source?.reliability, claim.credibility)
    blocks.push(
      heading(level + 2, `Claim · ${grade} · ${claim.status}`),
      quoteBlock(claim.quote.exact),
      fieldList(claimFields(claim, source, grade, entry.links)),
      ...noteOf(claim.note, level + 2, set)
    )
  }
  return blocks
}

function claimFields(
  claim: Claim,
  source: { name: string; kind: string; reliability?: string } | undefined,
  grade: string,
  links: LinkedClaim[]
): [string, string][] {
  const fields: [string, string][] = [
    ['Claimant', source ? `${source.name} (${source.kind})` : 'not named'],
    ['Attribution', claim.attribution],
    ['Status', claim.status],
    [
      'Grade',
      `${grade} (source reliability ${source?.reliability ?? 'not graded'}, credibility ${claim.credibility ?? 'not graded'})`
    ]
  ]
  if (claim.statement) fields.push(['Statement', claim.statement])
  if (claim.attributionSpan) fields.push(['Attributed by', claim.attributionSpan.quote.exact])
  if (claim.tags.length > 0) fields.push(['Tags', claim.tags.join(', ')])
  for (const linked of links) {
    const own = linked.outgoing ? linked.link.fromClaimId : linked.link.toClaimId
    if (own !== claim.id) continue
    const relation = linked.link.relation.replace('-', ' ')
    const other = `“${linked.other.exact}” (${linked.otherArticleTitle})`
    fields.push(['Link', linked.outgoing ? `${relation} ${other}` : `${other} ${relation} this`])
  }
  return fields
}

function notebookBlocks(
  notebook: Notebook,
  titles: ReadonlyMap<string, string>,
  level: number
): PMNode[] {
  return [
    heading(level, notebook.title),
    ...noteBlocks(withLiveTitles(notebook.doc, titles), level)
  ]
}

/** A note's blocks (quotes naming their articles as titled now), or nothing for an empty note. */
function noteOf(doc: RichDoc, below: number, set: ExportSet): PMNode[] {
  return noteHasText(doc) ? noteBlocks(withLiveTitles(doc, set.titles), below) : []
}
