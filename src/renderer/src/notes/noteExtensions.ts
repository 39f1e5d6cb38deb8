import type { Extensions } from '@tiptap/core'
import StarterKit from '@tiptap/starter-kit'
import { isHttpUrl } from '../../../shared/richText'
import { PassageQuoteNode } from './PassageQuoteNode'
import { TypedText } from './TypedText'

/**
 * The editor of every note: the starter kit (headings, bold, italic, strike, underline,
 * code, code blocks, lists, block quotes, links, undo, and its Markdown input rules such as
 * `# `, `- `, `> `) and quoted passages. Nothing else exists in its schema, so pasted
 * images, styles and scripts have nowhere to go and are dropped.
 */
export function noteExtensions(): Extensions {
  return [
    StarterKit.configure({
      link: {
        // A click places the caret; Ctrl/Cmd+click or "Open link" opens the link outside.
        openOnClick: false,
        autolink: true,
        linkOnPaste: true,
        defaultProtocol: 'https',
        // Links are http(s) only: anything else is never made a link, typed or pasted.
        isAllowedUri: (url) => isHttpUrl(url),
        shouldAutoLink: (url) => isHttpUrl(url),
        HTMLAttributes: { rel: 'noopener noreferrer nofollow', target: null, class: null }
      }
    }),
    PassageQuoteNode,
    TypedText
  ]
}
