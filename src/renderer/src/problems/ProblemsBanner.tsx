import { useEffect, useRef } from 'react'
import type { HostInfo } from '../../../shared/api'
import { describeProblem } from './describeProblem'
import { ExportPointer } from './ExportPointer'
import { ProblemItem } from './ProblemItem'
import { useProblems } from './useProblems'
import './problems.css'

/**
 * Damaged files Dossier found and what it did about them, above the workspace until the
 * analyst acknowledges each: a toast would scroll away, and a problem that holds changes
 * back must stay in sight while changes are refused.
 */
export function ProblemsBanner({ host }: { host: HostInfo | undefined }) {
  const { problems, acknowledge, failure, announcement } = useProblems(host)
  const list = useRef<HTMLUListElement>(null)
  const refocus = useRef(false)

  // The acknowledged notice takes its button away: the keyboard moves on to the next one.
  useEffect(() => {
    if (!refocus.current) return
    refocus.current = false
    list.current?.querySelector<HTMLButtonElement>('.problem-acknowledge')?.focus()
  }, [problems])

  const readOnly = problems.some((problem) => problem.blocks === 'library')
  return (
    <>
      <p className="problems-announcer" role="status">
        {announcement}
      </p>
      {host && problems.length > 0 && (
        <section
          className={`problems-banner${readOnly ? ' read-only' : ''}`}
          aria-label="Library problems"
        >
          <h2>
            {readOnly && <span className="read-only-badge">Read-only</span>}
            {readOnly
              ? 'Nothing in this library can be changed until you acknowledge the notice below'
              : problems.length === 1
                ? 'Dossier found a damaged file'
                : `Dossier found ${problems.length} damaged files`}
          </h2>
          {readOnly && <ExportPointer dataDir={host.dataDir} />}
          <ul ref={list}>
            {problems.map((problem) => (
              <ProblemItem
                key={problem.id}
                problem={problem}
                description={describeProblem(problem, host)}
                onAcknowledge={() => {
                  refocus.current = true
                  void acknowledge(problem)
                }}
              />
            ))}
          </ul>
          {failure && (
            <p className="problems-failure" role="alert">
              {failure}
            </p>
          )}
        </section>
      )}
    </>
  )
}
