import type { RichNode } from '../../shared/richText'

/**
 * Whether a note has anything in it (text that is not white space, or a quoted passage):
 * `!isEmptyDoc(doc)`, answered at the first word instead of after converting the whole
 * note to text, since an export asks it of every highlight and claim.
 */
export function noteHasText(doc: RichNode): boolean {
  const stack: RichNode[] = [doc]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'passageQuote') return true
    if (node.text !== undefined && /\S/.test(node.text)) return true
    if (node.content) for (const child of node.content) stack.push(child)
  }
  return false
}
