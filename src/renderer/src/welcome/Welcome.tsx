import { displayChord } from '../workspace/shortcut'
import './welcome.css'

interface Props {
  /** While an import runs, its progress; the import buttons wait for it. */
  busy: string | undefined
  /** Whether the sample articles are being stored. */
  loadingSamples: boolean
  onImport(): void
  onPaste(): void
  onTrySamples(): void
}

/**
 * What an empty library shows instead of the workspace: the three steps of the work, each
 * with the way to take it, and a sample library to try them on. Its buttons do what the
 * toolbar's do, under longer names, so that "Import…" is always the toolbar's.
 */
export function Welcome({ busy, loadingSamples, onImport, onPaste, onTrySamples }: Props) {
  return (
    <section className="welcome" aria-labelledby="welcome-title">
      <h2 id="welcome-title">Welcome to Dossier</h2>
      <p className="welcome-lead">
        Read what you were sent side by side, mark who claims what and how far to trust it, and keep
        it all in one folder on this computer.
      </p>
      <ol className="welcome-steps">
        <li>
          <h3>Import</h3>
          <p>
            Articles, reports and transcripts: text, Markdown or saved web pages, in any encoding.
            Drop files or folders on the window, or:
          </p>
          <div className="welcome-actions">
            <button
              type="button"
              className="primary"
              disabled={busy !== undefined}
              onClick={onImport}
            >
              Import files…
            </button>
            <button type="button" disabled={busy !== undefined} onClick={onPaste}>
              Paste text as an article
            </button>
          </div>
          <p className="welcome-hint">
            Later: <strong>Import…</strong> ({displayChord('Mod+O')}) and{' '}
            <strong>Paste as article</strong> ({displayChord('Mod+Shift+V')}) in the toolbar.
          </p>
        </li>
        <li>
          <h3>Read side by side</h3>
          <p>
            Open an article with a double-click, and another beside it with Shift+double-click.
            <strong> Sync scroll</strong> moves the panes together, so where accounts part ways is
            plain to see.
          </p>
        </li>
        <li>
          <h3>Annotate claims and export</h3>
          <p>
            Select text and press <kbd>H</kbd> to highlight it or <kbd>C</kbd> to mark a claim: who
            makes it, how it is attributed, how credible it is. Link claims that support or
            contradict each other, then export what you found. <kbd>?</kbd> lists every key.
          </p>
        </li>
      </ol>
      <div className="welcome-samples">
        <p>
          <strong>New to Dossier?</strong> Try it on three short sample articles about an invented
          ferry grounding. They disagree on the facts, and come with highlights, graded sources,
          claims and links already marked.
        </p>
        <button type="button" className="primary" disabled={loadingSamples} onClick={onTrySamples}>
          {loadingSamples ? 'Loading the sample articles…' : 'Try with sample articles'}
        </button>
      </div>
    </section>
  )
}
