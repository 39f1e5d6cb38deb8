import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useId, useState } from 'react'
import type { ReactNode } from 'react'
import { isHttpUrl } from '../../../shared/richText'
import { openLink } from './openLink'

interface Props {
  editor: Editor
  label: string
  status?: ReactNode
}

const MOD =
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'Cmd' : 'Ctrl'

interface Format {
  name: string
  label: string
  keys?: string
  active(editor: Editor): boolean
  run(editor: Editor): void
}

const FORMATS: Format[] = [
  {
    name: 'Bold',
    label: 'B',
    keys: `${MOD}+B`,
    active: (e) => e.isActive('bold'),
    run: (e) => e.chain().focus().toggleBold().run()
  },
  {
    name: 'Italic',
    label: 'I',
    keys: `${MOD}+I`,
    active: (e) => e.isActive('italic'),
    run: (e) => e.chain().focus().toggleItalic().run()
  },
  {
    name: 'Underline',
    label: 'U',
    keys: `${MOD}+U`,
    active: (e) => e.isActive('underline'),
    run: (e) => e.chain().focus().toggleUnderline().run()
  },
  {
    name: 'Strikethrough',
    label: 'S',
    keys: `${MOD}+Shift+S`,
    active: (e) => e.isActive('strike'),
    run: (e) => e.chain().focus().toggleStrike().run()
  },
  {
    name: 'Code',
    label: '‹›',
    keys: `${MOD}+E`,
    active: (e) => e.isActive('code'),
    run: (e) => e.chain().focus().toggleCode().run()
  },
  {
    name: 'Heading',
    label: 'H',
    keys: '# then space',
    active: (e) => e.isActive('heading'),
    run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run()
  },
  {
    name: 'Bulleted list',
    label: '•',
    keys: '- then space',
    active: (e) => e.isActive('bulletList'),
    run: (e) => e.chain().focus().toggleBulletList().run()
  },
  {
    name: 'Numbered list',
    label: '1.',
    keys: '1. then space',
    active: (e) => e.isActive('orderedList'),
    run: (e) => e.chain().focus().toggleOrderedList().run()
  },
  {
    name: 'Block quote',
    label: '❝',
    keys: '> then space',
    active: (e) => e.isActive('blockquote'),
    run: (e) => e.chain().focus().toggleBlockquote().run()
  },
  {
    name: 'Code block',
    label: '{ }',
    keys: '``` then space',
    active: (e) => e.isActive('codeBlock'),
    run: (e) => e.chain().focus().toggleCodeBlock().run()
  }
]

/**
 * The note's formatting buttons, each showing whether it applies at the caret, the link
 * form (http and https only) and "Open link". Buttons keep the focus in the text.
 */
export function NoteToolbar({ editor, label, status }: Props) {
  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      active: FORMATS.map((format) => format.active(e)),
      href: e.isActive('link') ? (e.getAttributes('link').href as string | undefined) : undefined
    }),
    equalityFn: (a, b) =>
      b !== null && a.href === b.href && a.active.every((on, i) => on === b.active[i])
  })
  const [linking, setLinking] = useState<{ href: string; problem?: string }>()
  const inputId = useId()

  const applyLink = (): void => {
    const href = linking?.href.trim() ?? ''
    if (href === '') {
      editor.chain().focus().extendMarkRange('link').unsetLink().run()
      setLinking(undefined)
    } else if (!isHttpUrl(href)) {
      setLinking({ href, problem: 'A link must start with http:// or https://.' })
    } else {
      editor.chain().focus().extendMarkRange('link').setLink({ href }).run()
      setLinking(undefined)
    }
  }

  return (
    <div className="note-toolbar" role="toolbar" aria-label={`Formatting: ${label}`}>
      {FORMATS.map((format, i) => (
        <button
          key={format.name}
          type="button"
          aria-label={format.name}
          aria-pressed={state.active[i]}
          title={format.keys ? `${format.name} (${format.keys})` : format.name}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => format.run(editor)}
        >
          {format.label}
        </button>
      ))}
      <button
        type="button"
        aria-label="Link"
        aria-pressed={state.href !== undefined}
        aria-expanded={linking !== undefined}
        title="Link the selected words to a web page"
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => setLinking(linking ? undefined : { href: state.href ?? 'https://' })}
      >
        Link
      </button>
      {state.href !== undefined && (
        <button
          type="button"
          className="note-open-link"
          title={`Open ${state.href} in the browser (${MOD}+click the link)`}
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => openLink(state.href!)}
        >
          Open link
        </button>
      )}
      {status && <span className="note-toolbar-status">{status}</span>}
      {linking && (
        <form
          className="note-link-form"
          onSubmit={(event) => {
            event.preventDefault()
            applyLink()
          }}
        >
          <label htmlFor={inputId}>Link to</label>
          <input
            id={inputId}
            type="url"
            value={linking.href}
            autoFocus
            aria-invalid={linking.problem !== undefined}
            aria-describedby={linking.problem ? `${inputId}-problem` : undefined}
            onChange={(event) => setLinking({ href: event.target.value })}
            onKeyDown={(event) => {
              if (event.key !== 'Escape') return
              event.stopPropagation()
              setLinking(undefined)
              editor.commands.focus()
            }}
          />
          <button type="submit">Apply</button>
          {linking.problem && (
            <span id={`${inputId}-problem`} className="note-link-problem" role="alert">
              {linking.problem}
            </span>
          )}
        </form>
      )}
    </div>
  )
}
