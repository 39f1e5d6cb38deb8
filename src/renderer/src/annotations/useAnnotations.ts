import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Annotation, HighlightColor } from '../../../shared/annotation'
import { EMPTY_DOC } from '../../../shared/richText'
import { unwrap } from '../transport/unwrap'
import { quoteOf } from '../claims/quoteOf'
import { formatCount } from '../format/formatCount'
import type { UnsavedRecord } from '../saving/RecordSaves'
import { RecordSaves } from '../saving/RecordSaves'
import type { UndoStack } from './UndoStack'

export interface AnnotationActions {
  /** Annotations by article id, in text order, for articles loaded so far. */
  byArticle: ReadonlyMap<string, Annotation[]>
  /** Highlights whose last change is not on disk yet (being retried), by id. */
  unsaved: ReadonlyMap<string, UnsavedRecord>
  load(articleId: string): Promise<void>
  /** Drops what is known of articles deleted for good. */
  forget(articleIds: string[]): void
  highlight(
    articleId: string,
    start: number,
    end: number,
    color: HighlightColor
  ): Promise<Annotation>
  remove(annotations: Annotation[]): Promise<void>
  recolor(annotations: Annotation[], color: HighlightColor): Promise<void>
  /** Keeps a highlight as stored after a save made elsewhere (its note's), with no undo step. */
  saved(annotation: Annotation): void
}

interface Options {
  /** The text of a loaded article, to show a new highlight before the host has stored it. */
  textOf(articleId: string): string | undefined
  /** Says why a change could not be saved (once), or was dropped. */
  report(error: unknown): void
  /** How the undo toasts name an article and a colour. */
  titleOf(articleId: string): string
  colorName(color: HighlightColor): string
}

/** What a highlight should be on disk: there with this colour, or gone. */
interface Wanted {
  annotation: Annotation
  exists: boolean
}

/** Characters of context on each side of a quote, as the store keeps them. */
const CONTEXT = 32

function inTextOrder(list: Annotation[]): Annotation[] {
  return [...list].sort(
    (a, b) => a.position.start - b.position.start || a.position.end - b.position.end
  )
}

/** A highlight as the store will make it, shown while the store has not answered yet. */
function localAnnotation(
  articleId: string,
  start: number,
  end: number,
  color: HighlightColor,
  text: string | undefined
): Annotation {
  const now = new Date().toISOString()
  return {
    id: crypto.randomUUID(),
    articleId,
    position: { start, end },
    quote: {
      exact: text?.slice(start, end) || '…',
      prefix: text?.slice(Math.max(0, start - CONTEXT), start) ?? '',
      suffix: text?.slice(end, end + CONTEXT) ?? ''
    },
    color,
    note: EMPTY_DOC,
    createdAt: now,
    updatedAt: now
  }
}

/**
 * The annotations of open articles, with every change undoable on the workbench's stack.
 * Each change shows at once and is saved at once; one the store cannot write (a full disk,
 * an I/O error) stays on screen marked "Not saved" and is retried with growing waits, with
 * the highlight's latest state, until it is on disk. One the store refuses is put back.
 */
export function useAnnotations(
  onCountsChanged: () => void,
  undoStack: UndoStack,
  options: Options
): AnnotationActions {
  const [byArticle, setByArticle] = useState<ReadonlyMap<string, Annotation[]>>(new Map())
  const [unsaved, setUnsaved] = useState<ReadonlyMap<string, UnsavedRecord>>(new Map())
  const latest = useRef({ options, onCountsChanged })
  useEffect(() => {
    latest.current = { options, onCountsChanged }
  })
  /** “roughly 2,400 workers” in “Port of Velmora Strike…”: a highlight as the toasts name it. */
  const named = useCallback((a: Annotation) => {
    const title = latest.current.options.titleOf(a.articleId)
    return `${quoteOf(a.quote.exact)} in ${quoteOf(title, 40)}`
  }, [])
  const inTitle = useCallback(
    (a: Annotation) => quoteOf(latest.current.options.titleOf(a.articleId), 40),
    []
  )
  const colorName = useCallback((c: HighlightColor) => latest.current.options.colorName(c), [])
  /** Each highlight as the store last said it holds it. */
  const stored = useRef(new Map<string, Annotation>())
  /** Each highlight as the analyst last left it, until that is stored. */
  const wanted = useRef(new Map<string, Wanted>())

  const update = useCallback((articleId: string, change: (list: Annotation[]) => Annotation[]) => {
    setByArticle((previous) =>
      new Map(previous).set(articleId, inTextOrder(change(previous.get(articleId) ?? [])))
    )
  }, [])
  /** Shows `annotation` (or, with `exists` false, no highlight with its id). */
  const show = useCallback(
    (annotation: Annotation, exists: boolean) =>
      update(annotation.articleId, (list) => [
        ...list.filter((a) => a.id !== annotation.id),
        ...(exists ? [annotation] : [])
      ]),
    [update]
  )

  // Made on first use, in an event: the saves read the refs above only then.
  const savesMade = useRef<RecordSaves<Wanted> | null>(null)
  const saves = useCallback(
    () =>
      (savesMade.current ??= new RecordSaves<Wanted>({
        async save(id, entry) {
          const { annotation, exists } = entry
          const had = stored.current.get(id)
          let now: Annotation | undefined = had
          if (exists && !had) {
            const { articleId, position, color, note } = annotation
            now = await unwrap(
              window.api.createAnnotation({ articleId, ...position, color, note, id })
            )
          } else if (!exists && had) {
            await unwrap(window.api.deleteAnnotation({ articleId: had.articleId, id }))
            now = undefined
          } else if (exists && had && had.color !== annotation.color) {
            const { articleId, color } = annotation
            now = await unwrap(window.api.updateAnnotation({ articleId, id, color }))
          }
          if (now) stored.current.set(id, now)
          else stored.current.delete(id)
          // The stored highlight (its quote as the store took it), unless changed meanwhile.
          if (wanted.current.get(id) === entry) {
            wanted.current.delete(id)
            if (now) show(now, true)
          }
          // Counts, and any warning the save raised (a folder that could not be synced).
          if (now !== had) latest.current.onCountsChanged()
        },
        onGiveUp(id, error) {
          const want = wanted.current.get(id)
          wanted.current.delete(id)
          const had = stored.current.get(id)
          if (had) show(had, true)
          else if (want) show(want.annotation, false)
          latest.current.options.report(error)
        },
        onFirstFailure: (error) => latest.current.options.report(error),
        onUnsaved: setUnsaved
      })),
    [show]
  )

  /** Shows the highlight as wanted now, and saves that (retried until it is on disk). */
  const want = useCallback(
    (annotation: Annotation, exists: boolean) => {
      const entry = { annotation, exists }
      wanted.current.set(annotation.id, entry)
      show(annotation, exists)
      saves().change(annotation.id, () => wanted.current.get(annotation.id) ?? entry)
    },
    [saves, show]
  )

  const load = useCallback(async (articleId: string) => {
    const list = await unwrap(window.api.listAnnotations({ articleId }))
    for (const annotation of list) stored.current.set(annotation.id, annotation)
    setByArticle((previous) => new Map(previous).set(articleId, list))
  }, [])

  const deleteOne = useCallback(async (annotation: Annotation) => want(annotation, false), [want])
  const setColor = useCallback(
    async (annotation: Annotation, color: HighlightColor) =>
      want({ ...(wanted.current.get(annotation.id)?.annotation ?? annotation), color }, true),
    [want]
  )
  /** Re-creates a deleted annotation with its id, position, colour and note. */
  const recreate = useCallback(async (a: Annotation) => want(a, true), [want])

  return useMemo<AnnotationActions>(
    () => ({
      byArticle,
      unsaved,
      load,
      forget(articleIds) {
        setByArticle((previous) => {
          const next = new Map(previous)
          for (const id of articleIds) next.delete(id)
          return next
        })
      },
      async highlight(articleId, start, end, color) {
        const text = latest.current.options.textOf(articleId)
        const annotation = localAnnotation(articleId, start, end, color, text)
        want(annotation, true)
        undoStack.push({
          label: `highlight ${named(annotation)}`,
          where: { articleId, start, end },
          undone: `Removed highlight ${named(annotation)}`,
          redone: `Highlighted ${named(annotation)} again`,
          undo: () => deleteOne(annotation),
          redo: () => recreate(annotation)
        })
        return annotation
      },
      async remove(annotations) {
        for (const annotation of annotations) await deleteOne(annotation)
        if (annotations.length === 0) return
        const first = annotations[0]!
        const what =
          annotations.length === 1
            ? `highlight ${named(first)}`
            : `${formatCount(annotations.length, 'highlight')} in ${inTitle(first)}`
        undoStack.push({
          label: `delete ${what}`,
          where: { articleId: first.articleId, ...first.position },
          undone: `Restored ${what}`,
          redone: `Deleted ${what} again`,
          undo: async () => {
            for (const annotation of annotations) await recreate(annotation)
          },
          redo: async () => {
            for (const annotation of annotations) await deleteOne(annotation)
          }
        })
      },
      saved(annotation) {
        stored.current.set(annotation.id, annotation)
        const pending = wanted.current.get(annotation.id)
        // Its note is saved; a colour still on its way is kept on top of it.
        if (pending) pending.annotation = { ...annotation, color: pending.annotation.color }
        update(annotation.articleId, (list) =>
          list.map((a) =>
            a.id === annotation.id
              ? { ...annotation, color: pending?.annotation.color ?? a.color }
              : a
          )
        )
      },
      async recolor(annotations, color) {
        const changed = annotations.map((annotation) => ({ annotation, color: annotation.color }))
        for (const annotation of annotations) await setColor(annotation, color)
        if (changed.length === 0) return
        const first = changed[0]!
        const what =
          changed.length === 1
            ? `highlight ${named(first.annotation)}`
            : `${formatCount(changed.length, 'highlight')} in ${inTitle(first.annotation)}`
        const was = changed.length === 1 ? colorName(first.color) : 'their colours'
        undoStack.push({
          label: `colour of ${what} ${colorName(first.color)} → ${colorName(color)}`,
          where: { articleId: first.annotation.articleId, ...first.annotation.position },
          undone: `Recoloured ${what} back to ${was}`,
          redone: `Recoloured ${what} ${colorName(color)} again`,
          undo: async () => {
            for (const { annotation, color: old } of changed) await setColor(annotation, old)
          },
          redo: async () => {
            for (const { annotation } of changed) await setColor(annotation, color)
          }
        })
      }
    }),
    [
      byArticle,
      unsaved,
      load,
      update,
      want,
      deleteOne,
      setColor,
      recreate,
      undoStack,
      named,
      inTitle,
      colorName
    ]
  )
}
