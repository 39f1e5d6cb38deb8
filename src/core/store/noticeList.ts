export type NoticeListener = (notice: string) => void

/**
 * The library's notices: a plain list that the stores push to and the hosts read, which
 * also tells its listeners of each notice as it is added, so a warning raised by a save (a
 * folder that could not be synced) reaches the analyst while the command still runs.
 */
export function noticeList(): {
  notices: string[]
  listen(listener: NoticeListener): () => void
} {
  const notices: string[] = []
  const listeners = new Set<NoticeListener>()
  // Not enumerable: the list still compares and prints as the array it is.
  Object.defineProperty(notices, 'push', {
    enumerable: false,
    value(...added: string[]): number {
      const length = Array.prototype.push.apply(notices, added)
      for (const notice of added) for (const listener of listeners) listener(notice)
      return length
    }
  })
  return {
    notices,
    listen(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}
