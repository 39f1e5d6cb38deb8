/**
 * Where to take what could be read out of a read-only library before acknowledging: the
 * workbench's Export… (exporting changes nothing), or the command line once Dossier has let
 * go of the library, or a copy of the folder.
 */
export function ExportPointer({ dataDir }: { dataDir: string }) {
  return (
    <p className="export-pointer">
      <strong>Export…</strong> what you need before you acknowledge: <strong>Export…</strong> in the
      toolbar (Ctrl+Shift+E) takes what could be read as a JSON backup, Markdown, CSV or a report.
      Or quit Dossier and run{' '}
      <code>npx dossier --data &quot;{dataDir}&quot; export --format json</code>, or{' '}
      <code>npx dossier --data &quot;{dataDir}&quot; show ID --json &gt; article.json</code> for one
      article with its highlights, claims and links. Or copy the whole folder <code>{dataDir}</code>
      .
    </p>
  )
}
