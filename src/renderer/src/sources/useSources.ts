import { useCallback, useEffect, useMemo, useState } from 'react'
import type { SourceKind, SourceRecord } from '../../../shared/source'
import type { Reliability } from '../../../shared/source'
import type { UndoableAction } from '../annotations/UndoStack'
import { unwrap } from '../transport/unwrap'

/** What the registry's forms change of a source. */
export interface SourceEdit {
  name: string
  kind: SourceKind
  aliases: string[]
}

interface Options {
  /** Whether the registry is on screen; it fetches the list again each time it is shown. */
  shown: boolean
  say(text: string): void
  report(error: unknown): void
  /** Every change is undoable: merge by unmerging, delete by undeleting, a grade by grading back. */
  onUndoable(action: UndoableAction): void
  /** Shows the registry with this source selected, before an undo or redo changes it. */
  onReveal(sourceId: string): void
}

/** A change as done, and how to take it back and do it again. */
interface Done {
  /** The source to show when it is undone or redone. */
  sourceId: string
  label: string
  message: string
  undo(): Promise<unknown>
  redo(): Promise<unknown>
}

/** The core's reasons are at most this long; "Undo: " must still fit. */
const MAX_REASON = 2000

/**
 * The sources registry with each source's track record, and the changes the analyst makes
 * to it, each one pushed on the app's undo stack. A failed change is reported, and the
 * list is fetched again either way, so it always shows what the core holds.
 */
export function useSources({ shown, say, report, onUndoable, onReveal }: Options) {
  const [sources, setSources] = useState<SourceRecord[]>()

  const refresh = useCallback(
    () =>
      unwrap(window.api.listSources({})).then(setSources, (error: unknown) => {
        report(error)
        setSources((before) => before ?? [])
      }),
    [report]
  )

  useEffect(() => {
    if (shown) void refresh()
  }, [shown, refresh])

  /** Runs a change, records how to undo and redo it, and refreshes the list. */
  const change = useCallback(
    async <T>(run: () => Promise<T>, undoable: (result: T) => Done): Promise<T | undefined> => {
      try {
        const result = await run()
        const { sourceId, message, label, undo, redo } = undoable(result)
        const refreshed = (step: () => Promise<unknown>) => async () => {
          try {
            await step()
          } finally {
            await refresh()
          }
        }
        onUndoable({
          label,
          undo: refreshed(undo),
          redo: refreshed(redo),
          reveal: () => onReveal(sourceId)
        })
        say(message)
        return result
      } catch (error) {
        report(error)
        return undefined
      } finally {
        await refresh()
      }
    },
    [onUndoable, onReveal, say, report, refresh]
  )

  const actions = useMemo(
    () => ({
      create: (fields: SourceEdit) =>
        change(
          () => unwrap(window.api.createSource(fields)),
          (source) => ({
            sourceId: source.id,
            label: `new source “${source.name}”`,
            message: `Added “${source.name}” to the sources.`,
            undo: () => unwrap(window.api.deleteSource({ id: source.id })),
            redo: () => unwrap(window.api.undeleteSource({ id: source.id }))
          })
        ),

      update: (before: SourceRecord, fields: SourceEdit) =>
        change(
          () => unwrap(window.api.updateSource({ id: before.id, ...fields })),
          (source) => ({
            sourceId: source.id,
            label: `changes to “${source.name}”`,
            message: `Saved “${source.name}”.`,
            undo: () =>
              unwrap(
                window.api.updateSource({
                  id: before.id,
                  name: before.name,
                  kind: before.kind,
                  aliases: before.aliases
                })
              ),
            redo: () => unwrap(window.api.updateSource({ id: before.id, ...fields }))
          })
        ),

      grade: (before: SourceRecord, reliability: Reliability | null, reason: string) =>
        change(
          () => unwrap(window.api.gradeSource({ id: before.id, reliability, reason })),
          (source) => ({
            sourceId: source.id,
            label: `grade of “${source.name}”`,
            message: reliability
              ? `Graded “${source.name}” ${reliability}.`
              : `“${source.name}” is no longer graded.`,
            undo: () =>
              unwrap(
                window.api.gradeSource({
                  id: before.id,
                  reliability: before.reliability ?? null,
                  reason: `Undo: ${reason}`.slice(0, MAX_REASON)
                })
              ),
            redo: () =>
              unwrap(
                window.api.gradeSource({
                  id: before.id,
                  reliability,
                  reason: `Redo: ${reason}`.slice(0, MAX_REASON)
                })
              )
          })
        ),

      merge: (survivor: SourceRecord, merged: SourceRecord) =>
        change(
          () => unwrap(window.api.mergeSources({ survivorId: survivor.id, mergedId: merged.id })),
          () => ({
            sourceId: merged.id,
            label: `merge of “${merged.name}” into “${survivor.name}”`,
            message: `Merged “${merged.name}” into “${survivor.name}”.`,
            undo: () => unwrap(window.api.unmergeSource({ mergedId: merged.id })),
            redo: () =>
              unwrap(window.api.mergeSources({ survivorId: survivor.id, mergedId: merged.id }))
          })
        ),

      remove: (source: SourceRecord) =>
        change(
          () => unwrap(window.api.deleteSource({ id: source.id })),
          () => ({
            sourceId: source.id,
            label: `deletion of “${source.name}”`,
            message: `Deleted “${source.name}”.`,
            undo: () => unwrap(window.api.undeleteSource({ id: source.id })),
            redo: () => unwrap(window.api.deleteSource({ id: source.id }))
          })
        )
    }),
    [change]
  )

  return { sources, refresh, ...actions }
}
