import type { TextPosition } from '../../../shared/annotation'
import type { PaneHandle } from '../reader/ReaderPane'

/** How long an article may take to open before the way back gives up and says so. */
const PATIENCE_MS = 15_000

interface Reveal {
  /** The pane that shows the article, once it does. */
  handleFor(articleId: string): PaneHandle | undefined
  onShown(): void
  onTimeout(): void
}

/**
 * Selects a passage in the pane of its article as soon as that pane has laid out its text:
 * the pane may have been opened a moment ago, its article still loading. Checked once a
 * frame, so nothing waits longer than it must.
 */
export function revealPassage(
  passage: { articleId: string } & TextPosition,
  { handleFor, onShown, onTimeout }: Reveal
): void {
  const started = performance.now()
  const attempt = (): void => {
    const handle = handleFor(passage.articleId)
    if (handle?.selectPassage({ start: passage.start, end: passage.end })) return onShown()
    if (performance.now() - started > PATIENCE_MS) return onTimeout()
    requestAnimationFrame(attempt)
  }
  requestAnimationFrame(attempt)
}
