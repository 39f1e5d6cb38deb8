import { gradeCode } from '../../shared/claim'
import type { ClaimStatus } from '../../shared/claim'
import { CLAIM_STATUSES } from '../../shared/claim'
import type { ExportedFile } from '../../shared/exporting'
import type { RichDoc } from '../../shared/richText'
import { isHttpUrl } from '../../shared/richText'
import { DOSSIER_VERSION } from '../../shared/version'
import { escapeHtml } from './escapeHtml'
import type { ExportArticle, ExportSet, Passage } from './ExportSet'
import { passagesOf } from './ExportSet'
import { markedText } from './markedText'
import { noteHasText } from './noteHasText'
import { noteToHtml } from './noteToHtml'
import { REPORT_STYLES } from './reportStyles'
import { sanitizeFileName } from './sanitizeFileName'
import { withLiveTitles } from './withLiveTitles'
import { formatCount } from '../../shared/formatCount'

/** The report may load nothing and run nothing, even if a note were to carry markup. */
const REPORT_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

const STATUS_CUE: Record<ClaimStatus, string> = {
  unreviewed: 'thin solid underline',
  checking: 'dashed underline',
  supported: 'thick solid underline',
  disputed: 'wavy underline',
  refuted: 'double underline',
  unverifiable: 'dotted underline'
}
const COLOUR_CUE = ['solid', 'double', 'dotted', 'dashed', 'groove', 'overline']

/**
 * The HTML report: one self-contained, printable file — a legend, a table of every claim
 * with its grade and status, the notebooks, and each article with its metadata, its notes,
 * its text with the highlights and claims marked, and the passages with their fields and
 * notes. Every piece of user text is escaped; there is no script, nothing external, and a
 * Content Security Policy that would block both anyway.
 */
export function renderHtmlReport(set: ExportSet): ExportedFile {
  const e = escapeHtml
  const counts = {
    articles: set.articles.length,
    highlights: set.articles.reduce((n, a) => n + a.highlights.length, 0),
    claims: set.articles.reduce((n, a) => n + a.claims.length, 0)
  }
  const withPassages = set.articles.filter(
    (entry) => set.scope.kind !== 'notebook' || passagesOf(entry).length > 0
  )
  const body = [
    `<header><h1>${e(set.scope.title)}</h1>`,
    `<p class="meta">Exported from Dossier ${e(DOSSIER_VERSION)} on ${e(set.exportedAt)} · ${formatCount(counts.articles, 'article')}, ${formatCount(counts.highlights, 'highlight')}, ${formatCount(counts.claims, 'claim')}, ${formatCount(set.notebooks.length, 'notebook')}</p></header>`,
    contents(withPassages, set),
    legend(set),
    claimsTable(set),
    ...set.notebooks.map(
      (notebook) =>
        `<section id="n-${e(notebook.id)}"><h2>Notebook: ${e(notebook.title)}</h2><p class="meta">Last changed ${e(notebook.updatedAt)}</p><div class="note">${noteToHtml(withLiveTitles(notebook.doc, set.titles))}</div></section>`
    ),
    ...withPassages.map((entry) => articleSection(entry, set))
  ].join('\n')
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_POLICY}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Dossier ${e(DOSSIER_VERSION)}">
<title>${e(set.scope.title)}</title>
<style>${REPORT_STYLES}</style>
</head>
<body>
${body}
</body>
</html>
`
  return {
    fileName: sanitizeFileName(set.scope.title, '.html'),
    mimeType: 'text/html; charset=utf-8',
    content: html
  }
}

function contents(articles: ExportArticle[], set: ExportSet): string {
  const e = escapeHtml
  const items = [
    ...set.notebooks.map((n) => `<li><a href="#n-${e(n.id)}">Notebook: ${e(n.title)}</a></li>`),
    ...articles.map((a) => `<li><a href="#a-${e(a.article.id)}">${e(a.article.title)}</a></li>`)
  ]
  return items.length > 1 ? `<nav aria-label="Contents"><ol>${items.join('')}</ol></nav>` : ''
}

function legend(set: ExportSet): string {
  const e = escapeHtml
  const colours = set.colorNames
    .map(
      (name, i) =>
        `<li><mark class="c${i + 1}">${e(name)}</mark> <span class="meta">(${COLOUR_CUE[i]})</span></li>`
    )
    .join('')
  const statuses = CLAIM_STATUSES.map(
    (status) =>
      `<li><mark class="s-${status}">${status}</mark> <span class="meta">(${STATUS_CUE[status]})</span></li>`
  ).join('')
  return `<section class="legend"><h2 class="first">Legend</h2><p class="meta">Highlights</p><ul>${colours}</ul><p class="meta">Claims, by status</p><ul>${statuses}</ul><p class="meta">Grades are Admiralty codes: the source's reliability A (completely reliable) to F (cannot be judged), then the claim's credibility 1 (confirmed) to 6 (cannot be judged); ? is not graded. Numbers after a passage lead to its notes.</p></section>`
}

function claimsTable(set: ExportSet): string {
  const e = escapeHtml
  const rows = set.articles.flatMap((entry) =>
    passagesOf(entry).flatMap((passage, i) => {
      if (passage.kind !== 'claim') return []
      const claim = passage.record
      const source = claim.sourceId ? set.sources.get(claim.sourceId) : undefined
      return [
        `<tr><td><a href="#${anchor(entry, i)}">${e(claim.quote.exact)}</a></td><td>${e(source?.name ?? '—')}</td><td class="grade">${e(gradeCode(source?.reliability, claim.credibility))}</td><td><span class="s-${claim.status}">${claim.status}</span></td><td>${e(claim.tags.join(', '))}</td><td>${e(entry.article.title)}</td></tr>`
      ]
    })
  )
  if (rows.length === 0) return ''
  return `<section><h2>Claims</h2><table><thead><tr><th>Claim</th><th>Claimant</th><th>Grade</th><th>Status</th><th>Tags</th><th>Article</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`
}

function articleSection(entry: ExportArticle, set: ExportSet): string {
  const e = escapeHtml
  const { article } = entry
  const passages = passagesOf(entry)
  const field = (name: string, value: string | undefined): string =>
    value ? `<dt>${name}</dt><dd>${e(value)}</dd>` : ''
  const url =
    article.url && isHttpUrl(article.url)
      ? `<dt>URL</dt><dd><a href="${e(article.url)}" rel="noopener noreferrer">${e(article.url)}</a></dd>`
      : field('URL', article.url)
  const meta = [
    field('Source', article.source),
    field('Author', article.author),
    field('Published', article.publishedAt),
    url,
    field('Tags', article.tags.join(', ')),
    field('File', article.origin.fileName),
    field(
      'Encoding',
      `${article.origin.encoding} (confidence ${article.origin.encodingConfidence})`
    ),
    field('Original bytes SHA-256', article.origin.byteSha256),
    field('Text SHA-256', article.textSha256),
    field('Imported', `${article.importedAt} (importer ${article.origin.importerVersion})`)
  ].join('')
  const spans = passages.map((passage, i) => ({
    start: passage.record.position.start,
    end: passage.record.position.end,
    className:
      passage.kind === 'highlight' ? `c${passage.record.color}` : `s-${passage.record.status}`,
    anchor: anchor(entry, i),
    number: i + 1
  }))
  return [
    `<article id="a-${e(article.id)}"><h2>${e(article.title)}</h2><dl class="meta">${meta}</dl>`,
    entry.note ? `<h3>Notes</h3>${note(entry.note.doc, set)}` : '',
    `<h3>Text</h3><div class="text">${markedText(article.text, spans)}</div>`,
    passages.length > 0 ? '<h3>Highlights and claims</h3>' : '',
    ...passages.map((passage, i) => passageEntry(passage, i, entry, set)),
    '</article>'
  ].join('\n')
}

function passageEntry(passage: Passage, i: number, entry: ExportArticle, set: ExportSet): string {
  const e = escapeHtml
  const quote = `<blockquote>${e(passage.record.quote.exact)}</blockquote>`
  if (passage.kind === 'highlight') {
    const colour = set.colorNames[passage.record.color - 1] ?? `Colour ${passage.record.color}`
    return `<div class="passage" id="${anchor(entry, i)}"><h4>${i + 1}. Highlight · <mark class="c${passage.record.color}">${e(colour)}</mark></h4>${quote}${note(passage.record.note, set)}</div>`
  }
  const claim = passage.record
  const source = claim.sourceId ? set.sources.get(claim.sourceId) : undefined
  const links = entry.links
    .filter((l) => (l.outgoing ? l.link.fromClaimId : l.link.toClaimId) === claim.id)
    .map((l) => {
      const relation = l.link.relation.replace('-', ' ')
      const other = `“${e(l.other.exact)}” (${e(l.otherArticleTitle)})`
      return `<li>${l.outgoing ? `${relation} ${other}` : `${other} ${relation} this claim`}</li>`
    })
  const fields = [
    ['Claimant', source ? `${source.name} (${source.kind})` : 'not named'],
    ['Attribution', claim.attribution],
    ['Statement', claim.statement],
    ['Attributed by', claim.attributionSpan?.quote.exact ?? ''],
    ['Tags', claim.tags.join(', ')]
  ]
    .filter(([, value]) => value)
    .map(([name, value]) => `<dt>${name}</dt><dd>${e(value!)}</dd>`)
    .join('')
  return `<div class="passage" id="${anchor(entry, i)}"><h4>${i + 1}. Claim · <span class="grade">${e(gradeCode(source?.reliability, claim.credibility))}</span> · <span class="s-${claim.status}">${claim.status}</span></h4>${quote}<dl class="meta">${fields}</dl>${links.length > 0 ? `<ul>${links.join('')}</ul>` : ''}${note(claim.note, set)}</div>`
}

function note(doc: RichDoc, set: ExportSet): string {
  return noteHasText(doc)
    ? `<div class="note">${noteToHtml(withLiveTitles(doc, set.titles))}</div>`
    : ''
}

function anchor(entry: ExportArticle, i: number): string {
  return `p-${entry.article.id}-${i + 1}`
}
