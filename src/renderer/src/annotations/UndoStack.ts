/** One reversible action, e.g. creating a highlight. */
export interface UndoableAction {
  label: string
  undo(): Promise<void>
  redo(): Promise<void>
}

/** Undo and redo for highlight actions; a new action clears what could be redone. */
export class UndoStack {
  readonly #past: UndoableAction[] = []
  readonly #future: UndoableAction[] = []
  #busy = false

  push(action: UndoableAction): void {
    this.#past.push(action)
    this.#future.length = 0
  }

  /** Undoes the last action; resolves to its label, or undefined if there was none. */
  async undo(): Promise<string | undefined> {
    return this.#move(this.#past, this.#future, 'undo')
  }

  async redo(): Promise<string | undefined> {
    return this.#move(this.#future, this.#past, 'redo')
  }

  async #move(
    from: UndoableAction[],
    to: UndoableAction[],
    how: 'undo' | 'redo'
  ): Promise<string | undefined> {
    if (this.#busy) return undefined
    const action = from.pop()
    if (!action) return undefined
    this.#busy = true
    // A failed action is dropped, not put back: one that cannot be undone now (its article
    // was deleted, its highlight already re-created) must not block the ones before it.
    try {
      await action[how]()
      to.push(action)
      return action.label
    } finally {
      this.#busy = false
    }
  }
}
