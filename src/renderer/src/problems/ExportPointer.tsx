/**
 * Where to take what could be read out of a read-only library before acknowledging. The
 * workbench has no export dialog yet, so it names the command line, which opens the
 * library only once Dossier has let go of it.
 */
export function ExportPointer({ dataDir }: { dataDir: string }) {
  return (
    <p className="export-pointer">
      <strong>Export…</strong> what you need before you acknowledge: quit Dossier, then run{' '}
      <code>npx dossier --data &quot;{dataDir}&quot; list</code> for the article ids and{' '}
      <code>npx dossier --data &quot;{dataDir}&quot; show ID --json &gt; article.json</code> for
      each article with its highlights, claims and links (
      <code>notebook show NAME --format md</code> for a notebook). Or copy the whole folder{' '}
      <code>{dataDir}</code>.
    </p>
  )
}
