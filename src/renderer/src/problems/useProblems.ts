import { useCallback, useState } from 'react'
import type { HostInfo } from '../../../shared/api'
import type { LibraryProblem } from '../../../shared/problem'
import { unwrap } from '../transport/unwrap'

export interface ProblemActions {
  /** Open problems, oldest first. */
  problems: LibraryProblem[]
  /** Marks one as seen; resolves once the host has the new list. */
  acknowledge(problem: LibraryProblem): Promise<void>
  /** Why the last acknowledgement failed, in the host's words. */
  failure: string | undefined
  /** What the last acknowledgement did, for screen readers. */
  announcement: string
}

/**
 * The library's open problems. `host` is the workbench's latest getHostInfo, fetched again
 * after every article is loaded (which is when a damaged annotation file is found); after
 * an acknowledgement the list comes from the host at once, until a newer `host` arrives.
 */
export function useProblems(host: HostInfo | undefined): ProblemActions {
  const [fetched, setFetched] = useState<{
    over: HostInfo | undefined
    problems: LibraryProblem[]
  }>()
  const [failure, setFailure] = useState<string>()
  const [announcement, setAnnouncement] = useState('')

  const acknowledge = useCallback(
    async (problem: LibraryProblem) => {
      try {
        await unwrap(window.api.acknowledgeProblem({ id: problem.id }))
        const info = await unwrap(window.api.getHostInfo({}))
        setFetched({ over: host, problems: info.problems })
        setFailure(undefined)
        setAnnouncement(
          problem.blocks
            ? 'Notice acknowledged. The changes it held back are allowed again.'
            : 'Notice acknowledged.'
        )
      } catch (error) {
        setFailure(error instanceof Error ? error.message : String(error))
      }
    },
    [host]
  )

  const problems = fetched && fetched.over === host ? fetched.problems : (host?.problems ?? [])
  return { problems, acknowledge, failure, announcement }
}
