/** One reversible action, e.g. creating a highlight. */
export interface UndoableAction {
  /** What the action did, as the undo and redo toasts name it. */
  label: string
  undo(): Promise<void>
  redo(): Promise<void>
  /** Brings what the action changed into view, before undo or redo changes it. */
  reveal?(): void
  /**
   * The article whose records the action changed, with the passage: undo and redo show it
   * (opening it if it was closed) before they change anything, and refuse while it is in
   * the Trash.
   */
  where?: { articleId: string; start?: number; end?: number }
  /** The toasts' words after undo and redo ("Removed highlight …"); else "Undid: label". */
  undone?: string
  redone?: string
}

/**
 * Asked, in turn with other undos and redos, before the action is undone or redone: false
 * keeps it where it is, unchanged (its article is in the Trash).
 */
export type Prepare = (action: UndoableAction) => Promise<boolean> | boolean

/** What an undo or redo did: the action, or why nothing changed. */
export type Moved =
  { done: true; action: UndoableAction } | { done: false; action: UndoableAction | undefined }

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

  /** Undoes the last action once `prepare` (if given) allows it. */
  async undo(prepare?: Prepare): Promise<Moved> {
    return this.#enqueue(() => this.#move(this.#past, this.#future, 'undo', prepare))
  }

  async redo(prepare?: Prepare): Promise<Moved> {
    return this.#enqueue(() => this.#move(this.#future, this.#past, 'redo', prepare))
  }

  #enqueue<T>(step: () => Promise<T>): Promise<T> {
    const next = this.#queue.then(step)
    this.#queue = next.catch(() => undefined)
    return next
  }

  async #move(
    from: UndoableAction[],
    to: UndoableAction[],
    how: 'undo' | 'redo',
    prepare: Prepare | undefined
  ): Promise<Moved> {
    const next = from.at(-1)
    if (!next) return { done: false, action: undefined }
    if (prepare && !(await prepare(next))) return { done: false, action: next }
    const action = from.pop()!
    action.reveal?.()
    // A failed action is dropped, not put back: one that cannot be undone now (its article
    // was deleted, its highlight already re-created) must not block the ones before it.
    try {
      await action[how]()
    } finally {
      this.#changed()
    }
    to.push(action)
    return { done: true, action }
  }
}
