import { CLAIM_STATUSES } from '../../../shared/claim'
import { STATUS_CUES } from './statusCues'

/** Each status with its underline as the text shows it, and its key. */
export function StatusLegend() {
  return (
    <ul className="status-legend" aria-label="Claim statuses">
      {CLAIM_STATUSES.map((status) => (
        <li key={status} title={`${STATUS_CUES[status].label}: ${STATUS_CUES[status].cue}`}>
          <kbd aria-hidden="true">{STATUS_CUES[status].key}</kbd>
          <span className={`status-sample status-${status}`}>{STATUS_CUES[status].label}</span>
        </li>
      ))}
    </ul>
  )
}
