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
/** An action whose change is still on its way to the store, kept in the place it was made. */
interface Pending {
  settled: Promise<UndoableAction | undefined>
}

type Entry = UndoableAction | Pending

function isPending(entry: Entry): entry is Pending {
  return 'settled' in entry
}

export class UndoStack {
  readonly #past: Entry[] = []
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
   * Pushes the action of a change that has just started, in the order the analyst made it
   * rather than the order the store finished: a source graded and then a claim's
   * credibility set at once are undone credibility first, however the two saves race.
   * `made` is the action once `work` succeeds; a failed change, or one `made` finds changed
   * nothing (undefined), leaves no step. An undo asked while the change is on its way waits
   * for it. Returns `work`'s result.
   */
  async record<T>(work: Promise<T>, made: (result: T) => UndoableAction | undefined): Promise<T> {
    const pending: Pending = { settled: work.then(made, () => undefined) }
    this.#past.push(pending)
    this.#future.length = 0
    void pending.settled.then((action) => {
      const at = this.#past.indexOf(pending)
      if (at === -1) return
      if (action) this.#past[at] = action
      else this.#past.splice(at, 1)
      this.#changed()
    })
    return work
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

  /** The last action of `from`, once every change still on its way there has settled. */
  async #last(from: Entry[]): Promise<UndoableAction | undefined> {
    for (;;) {
      const last = from.at(-1)
      if (!last || !isPending(last)) return last
      // record's own callback, attached first, replaces the entry (or drops it, if its
      // change failed) before this await resumes.
      await last.settled
    }
  }

  async #move(
    from: Entry[],
    to: Entry[],
    how: 'undo' | 'redo',
    prepare: Prepare | undefined
  ): Promise<Moved> {
    const action = await this.#last(from)
    if (!action) return { done: false, action: undefined }
    if (prepare && !(await prepare(action))) return { done: false, action }
    // Taken out where it is: an action made while `prepare` ran stays on top.
    from.splice(from.lastIndexOf(action), 1)
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
