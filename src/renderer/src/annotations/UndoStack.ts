/** One reversible action, e.g. creating a highlight. */
export interface UndoableAction {
  /** What the action did, as the undo and redo toasts name it. */
  label: string
  undo(): Promise<void>
  redo(): Promise<void>
  /** Brings what the action changed into view, before undo or redo changes it. */
  reveal?(): void
}

/**
 * Undo and redo for every highlight, claim, link and source action of the session; a new
 * action clears what could be redone.
 */
export class UndoStack {
  readonly #past: UndoableAction[] = []
  readonly #future: UndoableAction[] = []
  // Undo and redo run one at a time, in the order asked: Ctrl+Z pressed three times
  // quickly undoes three actions.
  #queue: Promise<unknown> = Promise.resolve()
  readonly #listeners = new Set<() => void>()

  push(action: UndoableAction): void {
    this.#past.push(action)
    this.#future.length = 0
    this.#changed()
  }

  /**
   * Calls `listener` after every action pushed, undone or redone, whichever view made it,
   * so that views showing the same records can fetch them again. Returns how to stop.
   */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener)
    return () => void this.#listeners.delete(listener)
  }

  #changed(): void {
    for (const listener of this.#listeners) listener()
  }

  /** Undoes the last action; resolves to its label, or undefined if there was none. */
  async undo(): Promise<string | undefined> {
    return this.#enqueue(() => this.#move(this.#past, this.#future, 'undo'))
  }

  async redo(): Promise<string | undefined> {
    return this.#enqueue(() => this.#move(this.#future, this.#past, 'redo'))
  }

  #enqueue<T>(step: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(step)
    this.#queue = next.catch(() => undefined)
    return next
  }

  async #move(
    from: UndoableAction[],
    to: UndoableAction[],
    how: 'undo' | 'redo'
  ): Promise<string | undefined> {
    const action = from.pop()
    if (!action) return undefined
    action.reveal?.()
    // A failed action is dropped, not put back: one that cannot be undone now (its article
    // was deleted, its highlight already re-created) must not block the ones before it.
    try {
      await action[how]()
    } finally {
      this.#changed()
    }
    to.push(action)
    return action.label
  }
}
