import { useState } from 'react'
import type { ArticleMeta } from '../../../shared/article'
import type { ImportOutcome } from '../../../shared/importing'
import { EncodingChooser } from '../importing/EncodingChooser'

interface Props {
  article: ArticleMeta
  onDone(outcome: ImportOutcome, replaced?: string): void
  onError(error: unknown): void
}

async function sha256Hex(file: File): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer())
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * The import review's encoding chooser, from an article's Details. Dossier keeps the
 * decoded text and the SHA-256 of the original bytes, not the bytes: the analyst picks the
 * original file again, and only a file with those very bytes is re-decoded.
 */
export function Redecode({ article, onDone, onError }: Props) {
  const [file, setFile] = useState<File>()
  const [problem, setProblem] = useState<string>()
  const hashes = new Set(
    [article.origin, ...(article.arrivals ?? [])].map((origin) => origin.byteSha256)
  )
  return (
    <div className="redecode">
      <label>
        Wrong characters? Choose the original file again to re-decode it with another encoding
        <input
          type="file"
          aria-label={`Original file of ${article.title}`}
          onChange={(event) => {
            const chosen = event.target.files?.[0]
            setFile(undefined)
            setProblem(undefined)
            if (!chosen) return
            void sha256Hex(chosen).then((hash) => {
              if (hashes.has(hash)) setFile(chosen)
              else
                setProblem(
                  `“${chosen.name}” is not the file this article came from: its bytes' SHA-256 is ${hash}, not ${article.origin.byteSha256}.`
                )
            }, onError)
          }}
        />
      </label>
      {problem && (
        <p className="field-problem" role="alert">
          {problem}
        </p>
      )}
      {file && (
        <EncodingChooser file={file} replaces={article.id} onDone={onDone} onError={onError} />
      )}
    </div>
  )
}
