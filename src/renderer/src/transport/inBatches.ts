/**
 * A call's inputs split into batches the API takes: a selection of 50,000 articles goes in
 * calls of at most `MAX_IDS_PER_CALL` ids, one after another, so the main process or the web
 * host is never asked for more than the contract allows.
 */

/** `items` in order, in batches of at most `size` (none for no items). */
export function batchesOf<T>(items: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size ${size} is not ≥ 1`)
  const batches: T[][] = []
  for (let start = 0; start < items.length; start += size)
    batches.push(items.slice(start, start + size))
  return batches
}

/** What `sendInBatches` did: the items of the calls that succeeded, their answers, a failure. */
export interface BatchOutcome<T, R> {
  sent: T[]
  results: R[]
  /** The first call that failed (the batches after it were not sent). */
  failure?: { error: unknown }
}

/**
 * Sends `items` in batches of at most `size`, one call after another, and stops at the first
 * that fails: what was sent before it is in `sent`, so a caller can still account for it
 * (an undo step for the articles moved, the library refreshed).
 */
export async function sendInBatches<T, R>(
  items: readonly T[],
  size: number,
  send: (batch: T[]) => Promise<R>
): Promise<BatchOutcome<T, R>> {
  const outcome: BatchOutcome<T, R> = { sent: [], results: [] }
  for (const batch of batchesOf(items, size)) {
    try {
      outcome.results.push(await send(batch))
    } catch (error) {
      outcome.failure = { error }
      break
    }
    for (const item of batch) outcome.sent.push(item)
  }
  return outcome
}

/** Like `sendInBatches`, for a question: the answers of every batch, or the first failure thrown. */
export async function askInBatches<T, R>(
  items: readonly T[],
  size: number,
  ask: (batch: T[]) => Promise<R[]>
): Promise<R[]> {
  const { results, failure } = await sendInBatches(items, size, ask)
  if (failure) throw failure.error
  return results.flat()
}
