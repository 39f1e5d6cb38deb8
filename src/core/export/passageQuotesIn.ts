import type { PassageQuoteAttrs, RichNode } from '../../shared/richText'

/** Every passage a note quotes, in document order. */
export function passageQuotesIn(doc: RichNode): PassageQuoteAttrs[] {
  const found: PassageQuoteAttrs[] = []
  const stack: RichNode[] = [doc]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (node.type === 'passageQuote') found.push(node.attrs as PassageQuoteAttrs)
    const children = node.content ?? []
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!)
  }
  return found
}
