import { useEffect, useRef, useState } from 'react'
import type { ImportOutcome, ImportPreview } from '../../../shared/importing'
import { unwrap } from '../transport/unwrap'
import { toPayloads } from './readDroppedFiles'

interface Props {
  file: File
  /** The article imported with the wrong encoding, moved to the Trash when replaced. */
  replaces?: string
  onDone(outcome: ImportOutcome, replaced?: string): void
  onError(error: unknown): void
}

const PREVIEW_CHARS = 1500

/** Re-decodes a file with another encoding, shows the text, then imports it that way. */
export function EncodingChooser({ file, replaces, onDone, onError }: Props) {
  const [preview, setPreview] = useState<ImportPreview>()
  // Confidences come from the first, undirected look at the bytes; a chosen encoding is
  // always "certain", which says nothing about whether it is right.
  const [candidates, setCandidates] = useState<ImportPreview['candidates']>()
  const [encoding, setEncoding] = useState<string>()
  const [busy, setBusy] = useState(false)
  // Opened from a button that it replaces: the keyboard goes on to the choice.
  const select = useRef<HTMLSelectElement>(null)
  useEffect(() => select.current?.focus(), [])

  useEffect(() => {
    let current = true
    toPayloads([file])
      .then(([payload]) =>
        unwrap(window.api.previewImport({ ...payload!, ...(encoding ? { encoding } : {}) }))
      )
      .then((result) => {
        if (!current) return
        setPreview(result)
        setCandidates((known) => known ?? withDetected(result))
      }, onError)
    return () => {
      current = false
    }
  }, [file, encoding, onError])

  const options = candidates ?? []
  const shown = encoding ?? (preview?.status === 'ready' ? preview.encoding : options[0]?.encoding)

  /**
   * Imports with the chosen encoding first; only a new, different article replaces the
   * old one, which goes to the Trash (recoverable).
   */
  const importWith = async (): Promise<void> => {
    if (!shown) return
    setBusy(true)
    try {
      const [payload] = await toPayloads([file])
      const [outcome] = await unwrap(
        window.api.importFiles({ files: [{ ...payload!, encoding: shown }] })
      )
      if (replaces && outcome?.status === 'imported' && outcome.article.id !== replaces) {
        await unwrap(window.api.deleteArticles({ ids: [replaces] }))
        onDone(outcome, replaces)
      } else onDone(outcome!)
    } catch (error) {
      onError(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <div className="encoding-chooser">
      <label>
        Encoding
        <select
          ref={select}
          aria-label={`Encoding for ${file.name}`}
          value={shown ?? ''}
          onChange={(event) => setEncoding(event.target.value)}
        >
          {options.length === 0 && <option value="">No other encoding fits</option>}
          {options.map((candidate) => (
            <option key={candidate.encoding} value={candidate.encoding}>
              {candidate.encoding} ({Math.round(candidate.confidence * 100)}%)
            </option>
          ))}
        </select>
      </label>
      <pre
        className="encoding-preview"
        aria-label={`Text of ${file.name} decoded as ${shown ?? '…'}`}
      >
        {preview === undefined
          ? 'Decoding…'
          : preview.status === 'ready'
            ? preview.text.slice(0, PREVIEW_CHARS)
            : preview.message}
      </pre>
      <button
        type="button"
        className="primary"
        disabled={busy || preview?.status !== 'ready'}
        onClick={() => void importWith()}
      >
        {replaces ? `Re-import as ${shown}` : `Import as ${shown}`}
      </button>
    </div>
  )
}

/** The candidates of a first preview, with the detected encoding first. */
function withDetected(preview: ImportPreview): ImportPreview['candidates'] {
  if (preview.status !== 'ready') return preview.candidates
  const others = preview.candidates.filter((c) => c.encoding !== preview.encoding)
  return [{ encoding: preview.encoding, confidence: preview.confidence }, ...others]
}
