/**
 * Runs `step` in the browser's idle periods until it says it is done, and returns how to
 * stop it. Safari has no requestIdleCallback; there each step runs on a timer with a
 * deadline `sliceMs` long.
 */
export function inIdleSlices(
  step: (deadline: IdleDeadline) => boolean,
  sliceMs: number
): () => void {
  const timed = (run: (deadline: IdleDeadline) => void): number =>
    window.setTimeout(() => {
      const start = performance.now()
      run({ didTimeout: false, timeRemaining: () => sliceMs - (performance.now() - start) })
    })
  const idle = window.requestIdleCallback ?? timed
  const cancel = window.cancelIdleCallback ?? window.clearTimeout
  let handle = 0
  const run = (deadline: IdleDeadline): void => {
    if (!step(deadline)) handle = idle(run)
  }
  handle = idle(run)
  return () => cancel(handle)
}
