import type { SuggestionPassProgress } from '../../../shared/suggestion'

const count = (n: number): string => n.toLocaleString('en-US')

/** What the pass has done, in the words of the library panel's last line. */
function describe({ state, done, total, failed }: SuggestionPassProgress): string {
  const unread = failed > 0 ? `; ${count(failed)} could not be read` : ''
  switch (state) {
    case 'running':
      return `Finding claims to suggest: ${count(done)} of ${count(total)} articles${unread}`
    case 'paused':
      return `Finding claims to suggest: ${count(done)} of ${count(total)} articles, paused while you work${unread}`
    case 'done':
      return `Suggestions ready for ${total === 1 ? 'the article' : `all ${count(total)} articles`}${unread}`
    default:
      return `Suggestions ready for ${count(done)} of ${count(total)} articles${unread}`
  }
}

/**
 * The library pass at the foot of the library: how far it has got (a progress bar while it
 * runs), Stop and Resume. Press A on an article it has read and its suggestions show at once.
 */
export function SuggestionPassStatus({
  progress,
  onStop,
  onResume
}: {
  progress: SuggestionPassProgress | undefined
  onStop(): void
  onResume(): void
}) {
  if (!progress || progress.total === 0) return null
  const { state, done, total } = progress
  const working = state === 'running' || state === 'paused'
  return (
    <div className="suggestion-pass" data-state={state}>
      <span className="suggestion-pass-text">{describe(progress)}</span>
      {working && <progress value={done} max={total} aria-label="Articles read for suggestions" />}
      {working && (
        <button type="button" onClick={onStop} aria-label="Stop finding claims to suggest">
          Stop
        </button>
      )}
      {(state === 'stopped' || state === 'idle') && done < total && (
        <button type="button" onClick={onResume} aria-label="Resume finding claims to suggest">
          Resume
        </button>
      )}
    </div>
  )
}
