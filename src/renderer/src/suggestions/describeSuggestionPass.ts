import type { SuggestionPassProgress } from '../../../shared/suggestion'

const count = (n: number): string => n.toLocaleString('en-US')

/**
 * What the library pass has done, in the words of the library panel's last line.
 * `stopAsked`: the analyst pressed Stop; when the pass had read every article by then, the
 * line says so, so that Stop without a Resume after it is not a puzzle.
 */
export function describeSuggestionPass(
  { state, done, total, failed }: SuggestionPassProgress,
  stopAsked = false
): string {
  const unread = failed > 0 ? `; ${count(failed)} could not be read` : ''
  switch (state) {
    case 'running':
      return `Finding claims to suggest: ${count(done)} of ${count(total)} articles${unread}`
    case 'paused':
      return `Finding claims to suggest: ${count(done)} of ${count(total)} articles, paused while you work${unread}`
    case 'done': {
      const ready = `Suggestions ready for ${total === 1 ? 'the article' : `all ${count(total)} articles`}`
      return `${ready}${stopAsked ? ': the pass had finished before Stop' : ''}${unread}`
    }
    default:
      return `Suggestions ready for ${count(done)} of ${count(total)} articles${unread}`
  }
}
