import type { GradeChange } from '../../../shared/source'
import { formatTime } from '../format/formatTime'

/** Each change of a source's grade, newest first, with its time and reason. */
export function GradeHistory({ name, history }: { name: string; history: GradeChange[] }) {
  if (history.length === 0) return <p className="empty">Never graded.</p>
  return (
    <ol className="grade-history" aria-label={`Grade history of ${name}`}>
      {[...history].reverse().map((change, i) => (
        <li key={`${change.at}-${i}`}>
          <time dateTime={change.at}>{formatTime(change.at)}</time>{' '}
          <strong>
            {change.from ?? 'not graded'} → {change.to ?? 'not graded'}
          </strong>
          <span className="grade-reason-text">{change.reason}</span>
        </li>
      ))}
    </ol>
  )
}
