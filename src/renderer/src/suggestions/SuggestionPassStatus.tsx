import { describeSuggestionPass } from './describeSuggestionPass'
import type { SuggestionPass } from './useSuggestionPass'

/**
 * The library pass at the foot of the library: how far it has got (a progress bar while it
 * runs), Stop and Resume. Press A on an article it has read and its suggestions show at once.
 */
export function SuggestionPassStatus({ pass }: { pass: SuggestionPass }) {
  const { progress, stopAsked, stop: onStop, resume: onResume } = pass
  if (!progress || progress.total === 0) return null
  const { state, done, total } = progress
  const working = state === 'running' || state === 'paused'
  return (
    <div className="suggestion-pass" data-state={state}>
      <span className="suggestion-pass-text">{describeSuggestionPass(progress, stopAsked)}</span>
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
