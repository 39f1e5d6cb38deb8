/** Wall time of one awaited call, in milliseconds. */
export async function timeAsync(action: () => Promise<unknown>): Promise<number> {
  const start = performance.now()
  await action()
  return performance.now() - start
}
