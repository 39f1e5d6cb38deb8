import type { ClaimSuggestion } from '../../../shared/suggestion'
import { quoteOf } from '../claims/quoteOf'
import { describeSuggestion } from './describeSuggestion'
import type { PaneSuggestions } from './SuggestionLayer'

interface Props {
  suggestions: PaneSuggestions
  current: ClaimSuggestion | undefined
}

/**
 * The bar of suggestion mode, at the foot of the pane: which suggestion is current (a list
 * that names each one's type, claimant and cue, and picks one), and buttons for what the
 * keys do, plus accepting or rejecting every suggestion of the article.
 */
export function SuggestionBar({ suggestions, current }: Props) {
  const { list, loading } = suggestions
  const index = current ? list.indexOf(current) : -1
  const status = loading
    ? 'Reading the article for attributions…'
    : list.length === 0
      ? 'No suggested claims left: each was accepted or rejected, or the finder found none.'
      : current
        ? `Suggestion ${index + 1} of ${list.length}: ${describeSuggestion(current)}`
        : `${list.length} suggested claim${list.length === 1 ? '' : 's'}: Tab goes to the first`
  return (
    <div className="suggestion-bar" role="toolbar" aria-label="Suggested claims">
      <p className="suggestion-status" role="status">
        {status}
      </p>
      {!loading && list.length > 0 && (
        <>
          <select
            aria-label="Go to a suggested claim"
            value={current?.key ?? ''}
            onChange={(event) => suggestions.select(event.target.value)}
          >
            <option value="" disabled>
              Go to…
            </option>
            {list.map((suggestion, i) => (
              <option key={suggestion.key} value={suggestion.key}>
                {`${i + 1}. ${describeSuggestion(suggestion)}: ${quoteOf(suggestion.quote, 40)}`}
              </option>
            ))}
          </select>
          <button type="button" title="Previous (Shift+Tab)" onClick={() => suggestions.move(-1)}>
            Previous
          </button>
          <button type="button" title="Next (Tab)" onClick={() => suggestions.move(1)}>
            Next
          </button>
          <button
            type="button"
            title="Accept (Enter): it becomes a claim"
            disabled={!current}
            onClick={suggestions.acceptCurrent}
          >
            Accept
          </button>
          <button
            type="button"
            title="Reject (Delete): not proposed again"
            disabled={!current}
            onClick={suggestions.rejectCurrent}
          >
            Reject
          </button>
          <button type="button" onClick={suggestions.acceptAll}>
            Accept all
          </button>
          <button type="button" onClick={suggestions.rejectAll}>
            Reject all
          </button>
        </>
      )}
      <button type="button" title="Stop suggesting (Esc)" onClick={suggestions.leave}>
        Done
      </button>
    </div>
  )
}
