import { useCallback, useRef, useState } from 'react'
import type { ClaimSuggestion } from '../../../shared/suggestion'
import type { PaneState } from '../../../shared/workspace'
import type { UndoStack } from '../annotations/UndoStack'
import { quoteOf } from '../claims/quoteOf'
import { unwrap } from '../transport/unwrap'
import type { ClaimsTold } from './acceptedAction'
import { acceptedAction } from './acceptedAction'
import type { PaneSuggestions } from './SuggestionLayer'
import { useSuggestionShortcuts } from './useSuggestionShortcuts'
import './suggestions.css'

interface Options {
  panes: PaneState[]
  activePaneId: string | undefined
  undoStack: UndoStack
  claims: ClaimsTold
  say(text: string): void
  report(error: unknown): void
}

/** Suggestion mode, in one pane at a time. */
interface Session {
  serial: number
  paneId: string
  articleId: string
  /** The open suggestions; undefined while the finder reads the article. */
  list: ClaimSuggestion[] | undefined
  currentKey: string | undefined
}

/**
 * The mode's keys act in the text of the pane that suggests (the layer marks it), or with
 * the focus nowhere; on the bar's buttons and in the library, Tab and Enter keep their meaning.
 */
function focusInText(): boolean {
  const focus = document.activeElement
  return (
    !focus ||
    focus === document.body ||
    (focus instanceof HTMLElement && focus.dataset.suggesting === 'true')
  )
}

/** The session without `keys`; the current one becomes the next left, or the one before. */
function without(session: Session, keys: readonly string[]): Session {
  const list = session.list ?? []
  const gone = new Set(keys)
  const left = list.filter((s) => !gone.has(s.key))
  if (!session.currentKey || !gone.has(session.currentKey)) return { ...session, list: left }
  const at = list.findIndex((s) => s.key === session.currentKey)
  const next = list.slice(at + 1).find((s) => !gone.has(s.key)) ?? left.at(-1)
  return { ...session, list: left, currentKey: next?.key }
}

/**
 * The attribution finder in the reader: **Suggest claims** (a pane's button, or A) asks the
 * host for the article's suggestions; the analyst moves through them, accepts (each an
 * undoable claim) or rejects (remembered by the host). Nothing is stored until accepted.
 */
export function useSuggestions(options: Options) {
  const { panes, activePaneId, undoStack, claims, say, report } = options
  const [session, setSession] = useState<Session>()
  const serials = useRef(0)
  /** An accept or reject in flight: keys pressed meanwhile would act on a stale current. */
  const busy = useRef(false)

  // A session whose pane was closed, or shows another article now, is over.
  const live =
    session && panes.some((p) => p.id === session.paneId && p.articleId === session.articleId)
      ? session
      : undefined

  const start = useCallback(
    (paneId: string) => {
      const pane = panes.find((p) => p.id === paneId)
      if (!pane) return
      const serial = ++serials.current
      const { articleId } = pane
      setSession({ serial, paneId, articleId, list: undefined, currentKey: undefined })
      const mine = (s: Session | undefined): boolean => s?.serial === serial
      unwrap(window.api.suggestClaims({ articleId })).then(
        (list) => setSession((s) => (mine(s) ? { ...s!, list } : s)),
        (error: unknown) => {
          report(error)
          setSession((s) => (mine(s) ? undefined : s))
        }
      )
    },
    [panes, report]
  )

  const leave = useCallback(() => setSession(undefined), [])

  /** Drops suggestions that were accepted or rejected. */
  const withdraw = useCallback((articleId: string, keys: readonly string[]) => {
    setSession((s) => (s?.articleId === articleId ? without(s, keys) : s))
  }, [])

  /** After an accept is undone: its suggestions are open again, the first of them current. */
  const offerAgain = useCallback(async (articleId: string, keys: readonly string[]) => {
    const list = await unwrap(window.api.suggestClaims({ articleId }))
    setSession((s) =>
      s?.articleId === articleId
        ? { ...s, list, currentKey: keys.find((key) => list.some((x) => x.key === key)) }
        : s
    )
  }, [])

  const act = useCallback(
    async (work: () => Promise<void>) => {
      if (busy.current) return
      busy.current = true
      try {
        await work()
      } catch (error) {
        report(error)
      } finally {
        busy.current = false
      }
    },
    [report]
  )

  const accept = useCallback(
    (s: Session, keys: string[]) =>
      act(async () => {
        const { articleId } = s
        const made = await unwrap(window.api.acceptSuggestions({ articleId, keys }))
        withdraw(articleId, keys)
        await claims.added(made.claims)
        undoStack.push(acceptedAction({ articleId, made, keys, claims, offerAgain, withdraw }))
        const [first] = made.claims
        say(
          made.claims.length === 1 && first
            ? `Accepted ${quoteOf(first.quote.exact, 40)} as a claim (Ctrl+Z undoes it).`
            : `Accepted ${made.claims.length} suggested claims (Ctrl+Z undoes them).`
        )
      }),
    [act, withdraw, claims, undoStack, offerAgain, say]
  )

  const reject = useCallback(
    (s: Session, keys: string[]) =>
      act(async () => {
        const { articleId } = s
        for (const key of keys) await unwrap(window.api.rejectSuggestion({ articleId, key }))
        withdraw(articleId, keys)
        say(
          keys.length === 1
            ? 'Rejected the suggestion: it will not be proposed again.'
            : `Rejected ${keys.length} suggestions: they will not be proposed again.`
        )
      }),
    [act, withdraw, say]
  )

  /** Moves the current suggestion; false past either end, so the focus can move on. */
  const move = useCallback(
    (step: 1 | -1): boolean => {
      const list = live?.list ?? []
      if (list.length === 0) return false
      const at = list.findIndex((s) => s.key === live?.currentKey)
      const next = at < 0 ? (step === 1 ? 0 : list.length - 1) : at + step
      const target = list[next]
      if (!target) return false
      setSession((s) => s && { ...s, currentKey: target.key })
      return true
    },
    [live]
  )

  const paneSuggestions = (pane: PaneState): PaneSuggestions => {
    const mine = live?.paneId === pane.id ? live : undefined
    const keysOf = (): string[] => (mine?.list ?? []).map((s) => s.key)
    const current = (): string[] => (mine?.currentKey ? [mine.currentKey] : [])
    return {
      active: mine !== undefined,
      loading: mine !== undefined && mine.list === undefined,
      list: mine?.list ?? [],
      currentKey: mine?.currentKey,
      start: () => start(pane.id),
      select: (key) => setSession((s) => s && { ...s, currentKey: key }),
      move: (step) => void move(step),
      acceptCurrent: () => mine && current().length > 0 && void accept(mine, current()),
      rejectCurrent: () => mine && current().length > 0 && void reject(mine, current()),
      acceptAll: () => mine && keysOf().length > 0 && void accept(mine, keysOf()),
      rejectAll: () => mine && keysOf().length > 0 && void reject(mine, keysOf()),
      leave
    }
  }

  const inMode = (): boolean => live?.list !== undefined && focusInText()
  const shortcuts = useSuggestionShortcuts({
    start() {
      if (!activePaneId) return false
      start(activePaneId)
      return true
    },
    move: (step) => inMode() && move(step),
    accept() {
      if (!live?.currentKey || !inMode()) return false
      void accept(live, [live.currentKey])
      return true
    },
    reject() {
      if (!live?.currentKey || !inMode()) return false
      void reject(live, [live.currentKey])
      return true
    },
    leave() {
      if (!live) return false
      leave()
      return true
    }
  })

  return { paneSuggestions, shortcuts }
}
