import { useCallback, useMemo, useState } from 'react'
import type { Annotation, HighlightColor } from '../../../shared/annotation'
import type { InputOf } from '../../../shared/api'
import { unwrap } from '../transport/unwrap'
import { quoteOf } from '../claims/quoteOf'
import type { UndoStack } from './UndoStack'

export interface AnnotationActions {
  /** Annotations by article id, in text order, for articles loaded so far. */
  byArticle: ReadonlyMap<string, Annotation[]>
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
  undo(): Promise<string | undefined>
  redo(): Promise<string | undefined>
}

function inTextOrder(list: Annotation[]): Annotation[] {
  return [...list].sort(
    (a, b) => a.position.start - b.position.start || a.position.end - b.position.end
  )
}

/** The annotations of open articles, with every change undoable on the workbench's stack. */
export function useAnnotations(
  onCountsChanged: () => void,
  undoStack: UndoStack
): AnnotationActions {
  const [byArticle, setByArticle] = useState<ReadonlyMap<string, Annotation[]>>(new Map())

  const update = useCallback((articleId: string, change: (list: Annotation[]) => Annotation[]) => {
    setByArticle((previous) =>
      new Map(previous).set(articleId, inTextOrder(change(previous.get(articleId) ?? [])))
    )
  }, [])

  const load = useCallback(async (articleId: string) => {
    const list = await unwrap(window.api.listAnnotations({ articleId }))
    setByArticle((previous) => new Map(previous).set(articleId, list))
  }, [])

  const create = useCallback(
    async (input: InputOf<'createAnnotation'>) => {
      const annotation = await unwrap(window.api.createAnnotation(input))
      update(input.articleId, (list) => [...list, annotation])
      return annotation
    },
    [update]
  )

  const deleteOne = useCallback(
    async (annotation: Annotation) => {
      await unwrap(
        window.api.deleteAnnotation({ articleId: annotation.articleId, id: annotation.id })
      )
      update(annotation.articleId, (list) => list.filter((a) => a.id !== annotation.id))
    },
    [update]
  )

  const setColor = useCallback(
    async (annotation: Annotation, color: HighlightColor) => {
      const updated = await unwrap(
        window.api.updateAnnotation({ articleId: annotation.articleId, id: annotation.id, color })
      )
      update(annotation.articleId, (list) => list.map((a) => (a.id === updated.id ? updated : a)))
    },
    [update]
  )

  /** Re-creates a deleted annotation with its id, position, colour and note. */
  const recreate = useCallback(
    (a: Annotation) =>
      create({
        articleId: a.articleId,
        start: a.position.start,
        end: a.position.end,
        color: a.color,
        note: a.note,
        id: a.id
      }),
    [create]
  )

  return useMemo<AnnotationActions>(
    () => ({
      byArticle,
      load,
      forget(articleIds) {
        setByArticle((previous) => {
          const next = new Map(previous)
          for (const id of articleIds) next.delete(id)
          return next
        })
      },
      async highlight(articleId, start, end, color) {
        const annotation = await create({ articleId, start, end, color })
        undoStack.push({
          label: `highlight ${quoteOf(annotation.quote.exact)}`,
          undo: () => deleteOne(annotation),
          redo: async () => void (await recreate(annotation))
        })
        onCountsChanged()
        return annotation
      },
      async remove(annotations) {
        const removed: Annotation[] = []
        const undoable = (): void =>
          undoStack.push({
            label:
              removed.length === 1
                ? `delete highlight ${quoteOf(removed[0]!.quote.exact)}`
                : `delete ${removed.length} highlights`,
            undo: async () => {
              for (const annotation of removed) await recreate(annotation)
              onCountsChanged()
            },
            redo: async () => {
              for (const annotation of removed) await deleteOne(annotation)
              onCountsChanged()
            }
          })
        try {
          for (const annotation of annotations) {
            await deleteOne(annotation)
            removed.push(annotation)
          }
        } finally {
          // What was deleted before a failure can still be undone.
          if (removed.length > 0) undoable()
          onCountsChanged()
        }
      },
      saved(annotation) {
        update(annotation.articleId, (list) =>
          list.map((a) => (a.id === annotation.id ? annotation : a))
        )
      },
      async recolor(annotations, color) {
        const changed: { annotation: Annotation; color: HighlightColor }[] = []
        try {
          for (const annotation of annotations) {
            await setColor(annotation, color)
            changed.push({ annotation, color: annotation.color })
          }
        } finally {
          // What was recoloured before a failure can still be undone.
          if (changed.length > 0) {
            undoStack.push({
              label:
                changed.length === 1
                  ? `colour of highlight ${quoteOf(changed[0]!.annotation.quote.exact)} ${changed[0]!.color} → ${color}`
                  : `colour of ${changed.length} highlights → ${color}`,
              undo: async () => {
                for (const { annotation, color: old } of changed) await setColor(annotation, old)
              },
              redo: async () => {
                for (const { annotation } of changed) await setColor(annotation, color)
              }
            })
          }
        }
      },
      undo: async () => {
        const label = await undoStack.undo()
        onCountsChanged()
        return label
      },
      redo: async () => {
        const label = await undoStack.redo()
        onCountsChanged()
        return label
      }
    }),
    [byArticle, load, update, create, deleteOne, setColor, recreate, undoStack, onCountsChanged]
  )
}
