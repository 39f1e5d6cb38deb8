import { useEffect, useState } from 'react'
import type { ImportOutcome, ImportPreview } from '../../../shared/importing'
import { unwrap } from '../transport/unwrap'
import { toPayloads } from './readDroppedFiles'

interface Props {
  file: File
  /** The article imported with the wrong encoding, moved to the Trash when replaced. */
  replaces?: string
  onDone(outcome: ImportOutcome): void
  onError(error: unknown): void
}

const PREVIEW_CHARS = 1500

/** Re-decodes a file with another encoding, shows the text, then imports it that way. */
export function EncodingChooser({ file, replaces, onDone, onError }: Props) {
  const [preview, setPreview] = useState<ImportPreview>()
  const [encoding, setEncoding] = useState<string>()
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    let current = true
    toPayloads([file])
      .then(([payload]) =>
        unwrap(window.api.previewImport({ ...payload!, ...(encoding ? { encoding } : {}) }))
      )
      .then((result) => current && setPreview(result), onError)
    return () => {
      current = false
    }
  }, [file, encoding, onError])

  const candidates = preview?.candidates ?? []
  const shown =
    encoding ?? (preview?.status === 'ready' ? preview.encoding : candidates[0]?.encoding)

  const importWith = async (): Promise<void> => {
    if (!shown) return
    setBusy(true)
    try {
      if (replaces) await unwrap(window.api.deleteArticles({ ids: [replaces] }))
      const [payload] = await toPayloads([file])
      const [outcome] = await unwrap(
        window.api.importFiles({ files: [{ ...payload!, encoding: shown }] })
      )
      onDone(outcome!)
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
          aria-label={`Encoding for ${file.name}`}
          value={shown ?? ''}
          onChange={(event) => setEncoding(event.target.value)}
        >
          {candidates.length === 0 && <option value="">No other encoding fits</option>}
          {candidates.map((candidate) => (
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
