import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Reliability, Source, SourceKind, SourceRecord } from '../../../shared/source'
import type { UndoStack } from '../annotations/UndoStack'
import { unwrap } from '../transport/unwrap'

export interface SourceActions {
  /** The registry's live sources, by name, with their track records. */
  sources: SourceRecord[]
  byId: ReadonlyMap<string, SourceRecord>
  /**
   * A source's name, also of one created a moment ago (before the registry is re-read),
   * or of one deleted since; for the words of undo toasts.
   */
  nameOf(id: string): string | undefined
  /** Reloads the registry (track records change with every claim). */
  refresh(): Promise<void>
  create(name: string, kind: SourceKind): Promise<Source>
  grade(source: Source, reliability: Reliability | null, reason: string): Promise<void>
}

/** The longest reason the registry keeps; "Undo: " and "Redo: " must still fit. */
const MAX_REASON = 2000

/** The sources registry as the reader uses it, every change undoable on the workbench's stack. */
export function useSources(undoStack: UndoStack, onError: (error: unknown) => void): SourceActions {
  const [sources, setSources] = useState<SourceRecord[]>([])
  const names = useRef(new Map<string, string>())
  const update = useCallback((list: SourceRecord[]) => {
    for (const source of list) names.current.set(source.id, source.name)
    setSources(list)
  }, [])

  const refresh = useCallback(async () => {
    update(await unwrap(window.api.listSources({})))
  }, [update])
  useEffect(() => {
    unwrap(window.api.listSources({})).then(update, onError)
  }, [update, onError])

  const create = useCallback(
    async (name: string, kind: SourceKind) => {
      const source = await undoStack.record(
        unwrap(window.api.createSource({ name, kind })),
        (source) => ({
          label: `new source “${source.name}” (${kind})`,
          undo: async () => {
            await unwrap(window.api.deleteSource({ id: source.id }))
            await refresh()
          },
          redo: async () => {
            await unwrap(window.api.undeleteSource({ id: source.id }))
            await refresh()
          }
        })
      )
      names.current.set(source.id, source.name)
      await refresh()
      return source
    },
    [undoStack, refresh]
  )

  const grade = useCallback(
    async (source: Source, reliability: Reliability | null, reason: string) => {
      const before = source.reliability ?? null
      const set = async (to: Reliability | null, why: string): Promise<void> => {
        await unwrap(window.api.gradeSource({ id: source.id, reliability: to, reason: why }))
        await refresh()
      }
      await undoStack.record(
        unwrap(window.api.gradeSource({ id: source.id, reliability, reason })),
        () => ({
          label: `reliability of “${source.name}” ${before ?? '?'} → ${reliability ?? '?'}`,
          undo: () => set(before, `Undo: ${reason}`.slice(0, MAX_REASON)),
          redo: () => set(reliability, `Redo: ${reason}`.slice(0, MAX_REASON))
        })
      )
      await refresh()
    },
    [undoStack, refresh]
  )

  const byId = useMemo(() => new Map(sources.map((source) => [source.id, source])), [sources])
  const nameOf = useCallback((id: string) => names.current.get(id), [])
  return useMemo(
    () => ({ sources, byId, nameOf, refresh, create, grade }),
    [sources, byId, nameOf, refresh, create, grade]
  )
}
