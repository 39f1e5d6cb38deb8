import { useEffect, useRef, useState } from 'react'
import type { InputOf } from '../../../shared/api'
import { MAX_IDS_PER_CALL } from '../../../shared/articleWindow'
import { CLAIM_STATUSES } from '../../../shared/claim'
import type { ClaimStatus } from '../../../shared/claim'
import type { ExportFormat, RecordKind } from '../../../shared/exporting'
import type { NotebookMeta } from '../../../shared/notebook'
import { unwrap } from '../transport/unwrap'
import { RadioOption } from './RadioOption'

export type ExportInput = InputOf<'exportLibrary'>
/** The dialog's formats: the export's, and PDF (the HTML report, printed; desktop only). */
export type DialogFormat = ExportFormat | 'pdf'
export type ExportScope = 'library' | 'selected' | 'current' | 'notebook'

const FORMATS: { value: DialogFormat; label: string; hint: string }[] = [
  { value: 'md', label: 'Markdown', hint: 'for Obsidian or any notes app' },
  { value: 'csv', label: 'CSV', hint: 'a row per highlight and claim, for spreadsheets' },
  { value: 'html', label: 'HTML report', hint: 'one printable file' },
  { value: 'pdf', label: 'PDF', hint: 'the report, ready to print or share' },
  { value: 'wa', label: 'Web Annotation', hint: 'W3C JSON-LD, for annotation tools' },
  { value: 'json', label: 'JSON backup', hint: 'everything, to restore later' }
]
const KINDS: { value: RecordKind; label: string }[] = [
  { value: 'highlight', label: 'Highlights' },
  { value: 'claim', label: 'Claims' },
  { value: 'note', label: 'Article notes' }
]

interface Props {
  selectedIds: readonly string[]
  current: { id: string; title: string } | undefined
  /** Whether the host prints to PDF (the desktop app); the browser prints the HTML report. */
  pdf: boolean
  initialFormat?: DialogFormat | undefined
  initialScope?: ExportScope | undefined
  /** `pdf`: print the report (the request's format is then `html`). */
  onExport(request: ExportInput, pdf: boolean): void
  onRestore(): void
  onClose(): void
  onError(error: unknown): void
}

/**
 * Export…: a format, a scope (the library, the selected articles, the current article or a
 * notebook), filters, and the format's options; Export starts it in the background (the
 * progress shows below the workbench). Restore from backup… is here too.
 */
export function ExportDialog({
  selectedIds,
  current,
  pdf,
  initialFormat,
  initialScope,
  onExport,
  onRestore,
  onClose,
  onError
}: Props) {
  const dialog = useRef<HTMLDialogElement>(null)
  const [format, setFormat] = useState<DialogFormat>(
    initialFormat === 'pdf' && !pdf ? 'html' : (initialFormat ?? 'md')
  )
  const [scope, setScope] = useState<ExportScope>(
    initialScope ?? (selectedIds.length > 1 ? 'selected' : current ? 'current' : 'library')
  )
  const [notebooks, setNotebooks] = useState<NotebookMeta[]>([])
  const [notebookId, setNotebookId] = useState('')
  const [status, setStatus] = useState<ClaimStatus | ''>('')
  const [tag, setTag] = useState('')
  const [kind, setKind] = useState<RecordKind | ''>('')
  const [excel, setExcel] = useState(false)
  const [split, setSplit] = useState(false)

  useEffect(() => {
    dialog.current?.showModal()
    unwrap(window.api.listNotebooks({})).then((list) => {
      setNotebooks(list)
      setNotebookId((id) => id || list[0]?.id || '')
    }, onError)
  }, [onError])

  const backup = format === 'json'
  const articleIds =
    scope === 'selected' ? [...selectedIds] : scope === 'current' && current ? [current.id] : []
  // One export is one call (one file, or one set of files): it takes so many articles at most.
  const tooMany = articleIds.length > MAX_IDS_PER_CALL
  const ready =
    scope === 'library' ||
    (scope === 'notebook' ? notebookId !== '' : articleIds.length > 0 && !tooMany)
  const request = (): ExportInput => ({
    format: format === 'pdf' ? 'html' : format,
    ...(articleIds.length > 0 ? { articleIds } : {}),
    ...(scope === 'notebook' && notebookId ? { notebookId } : {}),
    ...(!backup && status ? { status } : {}),
    ...(!backup && tag.trim() ? { tag: tag.trim() } : {}),
    ...(!backup && kind ? { kind } : {}),
    ...(format === 'csv' && excel ? { excel: true } : {}),
    ...(format === 'md' && split ? { split: true } : {})
  })

  const scopeOption = (value: ExportScope, disabled = false) => ({
    name: 'export-scope',
    checked: scope === value,
    disabled,
    onChoose: () => setScope(value)
  })

  return (
    <dialog ref={dialog} className="export-dialog" aria-labelledby="export-title" onClose={onClose}>
      <h2 id="export-title">Export</h2>
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault()
          if (!ready) return
          onExport(request(), format === 'pdf')
          dialog.current?.close()
        }}
      >
        <fieldset>
          <legend>Format</legend>
          {FORMATS.filter((option) => pdf || option.value !== 'pdf').map((option) => (
            <RadioOption
              key={option.value}
              name="export-format"
              checked={format === option.value}
              onChoose={() => setFormat(option.value)}
            >
              {option.label}{' '}
              <span className="hint">
                {option.value === 'html' && !pdf
                  ? 'one printable file (print it from the browser to make a PDF)'
                  : option.hint}
              </span>
            </RadioOption>
          ))}
        </fieldset>
        <fieldset>
          <legend>What</legend>
          <RadioOption {...scopeOption('library')}>
            The whole library{backup ? ' (with the Trash and the layout)' : ''}
          </RadioOption>
          <RadioOption {...scopeOption('selected', selectedIds.length === 0)}>
            The selected articles ({selectedIds.length.toLocaleString('en')})
          </RadioOption>
          {tooMany && (
            <p className="hint" role="alert">
              An export takes at most {MAX_IDS_PER_CALL.toLocaleString('en')} selected articles:
              export the whole library, or narrow the selection (a filter or a tag) and export in
              parts.
            </p>
          )}
          <RadioOption {...scopeOption('current', !current)}>
            The current article{current ? `: ${current.title}` : ''}
          </RadioOption>
          <RadioOption {...scopeOption('notebook', notebooks.length === 0)}>A notebook</RadioOption>
          {scope === 'notebook' && (
            <select
              aria-label="Notebook"
              value={notebookId}
              onChange={(event) => setNotebookId(event.target.value)}
            >
              {notebooks.map((notebook) => (
                <option key={notebook.id} value={notebook.id}>
                  {notebook.title}
                </option>
              ))}
            </select>
          )}
        </fieldset>
        <fieldset disabled={backup}>
          <legend>Only{backup ? ' (a backup keeps everything)' : ''}</legend>
          <label>
            Claims of status
            <select
              value={status}
              onChange={(event) => setStatus(event.target.value as ClaimStatus | '')}
            >
              <option value="">any</option>
              {CLAIM_STATUSES.map((value) => (
                <option key={value} value={value}>
                  {value}
                </option>
              ))}
            </select>
          </label>
          <label>
            Tag
            <input
              value={tag}
              maxLength={200}
              placeholder="any"
              onChange={(event) => setTag(event.target.value)}
            />
          </label>
          <label>
            Kind
            <select
              value={kind}
              onChange={(event) => setKind(event.target.value as RecordKind | '')}
            >
              <option value="">everything</option>
              {KINDS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
        {format === 'csv' && (
          <label>
            <input type="checkbox" checked={excel} onChange={(e) => setExcel(e.target.checked)} />
            For Excel (adds a UTF-8 byte-order mark)
          </label>
        )}
        {format === 'md' && (
          <label>
            <input type="checkbox" checked={split} onChange={(e) => setSplit(e.target.checked)} />A
            file per article and notebook
          </label>
        )}
        <div className="dialog-actions">
          <button type="button" className="restore-button" onClick={onRestore}>
            Restore from backup…
          </button>
          <button type="button" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!ready}>
            Export
          </button>
        </div>
      </form>
    </dialog>
  )
}
