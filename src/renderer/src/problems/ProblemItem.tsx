import type { LibraryProblem } from '../../../shared/problem'
import type { ProblemDescription } from './describeProblem'

interface Props {
  problem: LibraryProblem
  description: ProblemDescription
  onAcknowledge(): void
}

/**
 * One damaged file: what happened in plain words, the core's account, where the damaged
 * copy is kept and which backup was used. A problem that holds changes back is an alert.
 */
export function ProblemItem({ problem, description, onAcknowledge }: Props) {
  const salvaged = problem.salvaged ?? 0
  return (
    <li className={`problem${description.blocks ? ' blocking' : ''}`}>
      <div role={description.blocks ? 'alert' : 'status'}>
        <h3>{description.headline}</h3>
        <p>{problem.message}</p>
      </div>
      <dl>
        <dt>Damaged file kept at</dt>
        <dd>
          <code>{problem.movedTo}</code>
        </dd>
        <dt>Backup used</dt>
        <dd>
          {description.backup}
          {description.backupFolder && (
            <>
              , in <code>{description.backupFolder}</code>
            </>
          )}
        </dd>
        {salvaged > 0 && (
          <>
            <dt>Read back from the damaged file</dt>
            <dd>
              {salvaged} {salvaged === 1 ? 'entry' : 'entries'}
            </dd>
          </>
        )}
      </dl>
      <button
        type="button"
        className="problem-acknowledge"
        aria-label={`Acknowledge the notice about ${description.file}`}
        onClick={onAcknowledge}
      >
        Acknowledge
      </button>
    </li>
  )
}
