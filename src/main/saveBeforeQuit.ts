/**
 * Quitting waits for the page's saves: `request` asks it to save everything and resolves
 * `true` once it answers, `false` when it has not within its time. Then the analyst is
 * asked (`askToWait`): wait, and the page is asked again (it goes on retrying meanwhile),
 * or quit anyway, knowingly leaving what is not saved. Resolves whether all was saved.
 */
export async function saveBeforeQuit(
  request: () => Promise<boolean>,
  askToWait: () => Promise<boolean>
): Promise<boolean> {
  for (;;) {
    if (await request()) return true
    if (!(await askToWait())) return false
  }
}
