import { useId, useState } from 'react'

interface Props {
  tags: string[]
  onChange(tags: string[]): void
}

/** A claim's tags: each removable, new ones typed and added with Enter or a comma. */
export function TagEditor({ tags, onChange }: Props) {
  const id = useId()
  const [draft, setDraft] = useState('')
  const add = (): void => {
    const fresh = draft
      .split(',')
      .map((tag) => tag.trim())
      .filter((tag) => tag !== '' && !tags.includes(tag))
    setDraft('')
    if (fresh.length > 0) onChange([...tags, ...fresh])
  }
  return (
    <div className="tag-editor">
      <label htmlFor={`${id}-tag`}>Tags</label>
      <ul className="tags" aria-label="Tags of the claim">
        {tags.map((tag) => (
          <li key={tag}>
            {tag}
            <button
              type="button"
              className="quiet"
              aria-label={`Remove tag ${tag}`}
              onClick={() => onChange(tags.filter((t) => t !== tag))}
            >
              ✕
            </button>
          </li>
        ))}
        <li className="tag-input">
          <input
            id={`${id}-tag`}
            value={draft}
            placeholder={tags.length === 0 ? 'Add a tag, Enter' : 'Add…'}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' || event.key === ',') {
                event.preventDefault()
                add()
              } else if (event.key === 'Backspace' && draft === '' && tags.length > 0) {
                onChange(tags.slice(0, -1))
              }
            }}
            onBlur={add}
          />
        </li>
      </ul>
    </div>
  )
}
