import { useEffect, useRef, useState } from 'react'
import type { ArticleFields, ArticleMeta } from '../../../shared/article'
import type { ImportOutcome } from '../../../shared/importing'
import { Redecode } from './Redecode'
import { DATE_EXAMPLES, parsePublished, urlProblem } from '../../../shared/publishedDate'

interface Props {
  article: ArticleMeta
  onSave(fields: Partial<ArticleFields>): Promise<void>
  onClose(): void
  /** The article re-imported with another encoding (`replaced` went to the Trash). */
  onRedecoded(outcome: ImportOutcome, replaced?: string): void
  onError(error: unknown): void
}

function formatBytes(bytes: number): string {
  return bytes < 1024
    ? `${bytes} bytes`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Editable metadata, and the evidence of where the text came from (read-only). */
export function ArticleDetails({ article, onSave, onClose, onRedecoded, onError }: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [fields, setFields] = useState({
    title: article.title,
    source: article.source ?? '',
    author: article.author ?? '',
    publishedAt: article.publishedAt ?? '',
    url: article.url ?? '',
    tags: article.tags.join(', ')
  })
  const [saving, setSaving] = useState(false)
  useEffect(() => {
    dialog.current?.showModal()
  }, [])

  // What is wrong with the date or the address as typed, said under the field at once.
  const published = fields.publishedAt.trim()
  const parsedDate = published === '' ? undefined : parsePublished(published)
  const problems: Partial<Record<keyof typeof fields, string>> = {
    ...(parsedDate && 'error' in parsedDate ? { publishedAt: parsedDate.error } : {}),
    ...(urlProblem(fields.url) ? { url: urlProblem(fields.url) } : {})
  }
  const hints: Partial<Record<keyof typeof fields, string>> = {
    ...(parsedDate && 'date' in parsedDate ? { publishedAt: `Read as ${parsedDate.date}` } : {})
  }

  const field = (key: keyof typeof fields, label: string, placeholder = '') => (
    <label>
      {label}
      <input
        value={fields[key]}
        placeholder={placeholder}
        onChange={(event) => setFields((f) => ({ ...f, [key]: event.target.value }))}
        required={key === 'title'}
        aria-invalid={problems[key] ? true : undefined}
        aria-describedby={problems[key] || hints[key] ? `details-${key}-note` : undefined}
      />
      {(problems[key] ?? hints[key]) && (
        <span
          id={`details-${key}-note`}
          className={problems[key] ? 'field-problem' : 'field-hint'}
          role={problems[key] ? 'alert' : undefined}
        >
          {problems[key] ?? hints[key]}
        </span>
      )}
    </label>
  )

  /** The dialog stays open when saving fails; `onSave` has told the user why. */
  const save = async (): Promise<void> => {
    setSaving(true)
    try {
      await onSave({
        title: fields.title.trim(),
        source: fields.source.trim(),
        author: fields.author.trim(),
        publishedAt: fields.publishedAt.trim(),
        url: fields.url.trim(),
        tags: [
          ...new Set(
            fields.tags
              .split(',')
              .map((t) => t.trim())
              .filter(Boolean)
          )
        ]
      })
      dialog.current?.close()
    } catch {
      // Reported by onSave; keep the form so nothing typed is lost.
    } finally {
      setSaving(false)
    }
  }

  const { origin } = article
  const evidence: [string, string][] = [
    [
      'Came from',
      origin.kind === 'paste'
        ? 'Pasted text'
        : origin.kind === 'recovered'
          ? 'Unknown: recovered from its stored text after the library index was lost'
          : (origin.fileName ?? 'a file')
    ],
    ...(origin.filePath ? [['Path', origin.filePath] as [string, string]] : []),
    ['Size', origin.kind === 'recovered' ? 'unknown' : formatBytes(origin.byteLength)],
    ...(origin.modifiedAt ? [['File modified', origin.modifiedAt] as [string, string]] : []),
    [
      'Encoding',
      `${origin.encoding}${origin.encodingConfidence < 1 ? ` (${Math.round(origin.encodingConfidence * 100)}% sure)` : ''}`
    ],
    ['Format', origin.format],
    ['SHA-256 of the original bytes', origin.byteSha256 || 'unknown'],
    ['SHA-256 of the stored text', article.textSha256],
    ['Characters', article.textLength.toLocaleString()],
    ['Imported', article.importedAt],
    ['Importer version', origin.importerVersion],
    // Every later file with the same text, as evidence (the text is stored once).
    ...(article.arrivals ?? []).map((arrival, i): [string, string] => [
      `Also arrived as (${i + 1})`,
      `${arrival.kind === 'paste' ? 'Pasted text' : (arrival.fileName ?? 'a file')} · ${arrival.encoding} · ${formatBytes(arrival.byteLength)} · SHA-256 ${arrival.byteSha256} · ${arrival.arrivedAt}`
    ])
  ]

  return (
    <dialog
      ref={dialog}
      className="details-dialog"
      aria-labelledby="details-title"
      onClose={onClose}
    >
      <h2 id="details-title">Details of “{article.title}”</h2>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void save()
        }}
      >
        {field('title', 'Title')}
        {field('source', 'Source or outlet')}
        {field('author', 'Author')}
        {field('publishedAt', 'Published', `e.g. ${DATE_EXAMPLES}`)}
        {field('url', 'URL', 'https://…')}
        {field('tags', 'Tags', 'comma-separated')}
        <h3>Provenance</h3>
        <dl className="evidence">
          {evidence.map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
        {origin.kind === 'file' && (
          <Redecode
            article={article}
            onDone={(outcome, replaced) => {
              dialog.current?.close()
              onRedecoded(outcome, replaced)
            }}
            onError={onError}
          />
        )}
        <div className="dialog-actions">
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button
            type="submit"
            className="primary"
            disabled={saving || fields.title.trim() === '' || Object.keys(problems).length > 0}
          >
            Save
          </button>
        </div>
      </form>
    </dialog>
  )
}
