import type { RichDoc, RichNode } from '../../src/shared/richText'
import { docToPlain } from '../../src/shared/richText'
import { generateNote } from './generateText'
import type { SeededRandom } from './SeededRandom'

/**
 * An analyst's write-up of about `words` words, as the editor stores it: headings every
 * few paragraphs, paragraphs with bold, italic and links, bullet lists, and passages quoted
 * from articles (one in twenty blocks).
 */
export function generateNotebookDoc(random: SeededRandom, words: number): RichDoc {
  const content: RichNode[] = []
  let written = 0
  const text = (count: number): string => {
    let out = ''
    while (out.split(' ').length < count) out += `${generateNote(random, 'latin', 1)} `
    const cut = out.split(' ').slice(0, count).join(' ')
    written += count
    return cut
  }
  const paragraph = (count: number): RichNode => {
    const half = Math.floor(count / 2)
    const [a, b, c] = [text(half), text(2), text(Math.max(1, count - half - 2))]
    const mark = random.pick<RichNode['marks']>([
      [{ type: 'bold' }],
      [{ type: 'italic' }],
      [{ type: 'link', attrs: { href: `https://example.org/${random.int(1, 9999)}` } }]
    ])
    return {
      type: 'paragraph',
      content: [
        { type: 'text', text: `${a} ` },
        { type: 'text', text: b, marks: mark },
        { type: 'text', text: ` ${c}` }
      ]
    }
  }
  while (written < words) {
    const left = words - written
    if (content.length % 12 === 0 && left > 10)
      content.push({
        type: 'heading',
        attrs: { level: 2 },
        content: [{ type: 'text', text: text(4) }]
      })
    else if (content.length % 20 === 7 && left > 40) {
      content.push({
        type: 'passageQuote',
        attrs: {
          articleId: random.uuid().replace(/-/g, '').slice(0, 16),
          annotationId: null,
          kind: 'passage',
          start: 0,
          end: 100,
          exact: text(18),
          title: text(6)
        }
      })
      // The article's title is not the analyst's text.
      written -= 6
    } else if (content.length % 9 === 4 && left > 40)
      content.push({
        type: 'bulletList',
        content: Array.from({ length: 3 }, () => ({
          type: 'listItem' as const,
          content: [
            { type: 'paragraph' as const, content: [{ type: 'text' as const, text: text(10) }] }
          ]
        }))
      })
    else content.push(paragraph(Math.max(4, Math.min(left, random.int(40, 90)))))
  }
  // Counted as the store counts a notebook's words, then topped up to the number asked.
  const counted = (): number =>
    docToPlain({ type: 'doc', content }).split(/\s+/).filter(Boolean).length
  for (let short = words - counted(); short > 0; short = words - counted())
    content.push({ type: 'paragraph', content: [{ type: 'text', text: text(short) }] })
  return { type: 'doc', content }
}
