import { memo, useLayoutEffect, useMemo, useRef } from 'react'
import { isJapanese, lineLanguage } from './cjkLanguage'
import { splitForDisplay } from './splitForDisplay'
import { TextIndex } from './TextIndex'

interface Props {
  text: string
  /** Called once the text is in the DOM, with the index that maps offsets to it. */
  onIndex(index: TextIndex, container: HTMLElement): void
}

/**
 * The stored text, exactly and only as text: React text nodes, never HTML. `dir="auto"`
 * on each line lets Arabic and Hebrew lines run right to left; `lang` on a Japanese or
 * Korean line gives its Han characters their own forms and a screen reader its voice.
 */
export const ArticleText = memo(function ArticleText({ text, onIndex }: Props) {
  const lines = useMemo(() => {
    const japanese = isJapanese(text)
    return splitForDisplay(text).map((line) => ({
      ...line,
      lang: lineLanguage(line.chunks.map((chunk) => chunk.text).join(''), japanese)
    }))
  }, [text])
  const container = useRef<HTMLDivElement>(null)
  useLayoutEffect(() => {
    if (container.current) onIndex(new TextIndex(container.current), container.current)
  }, [lines, onIndex])
  return (
    <div className="article-text" ref={container}>
      {lines.map((line) => (
        <div className="line" dir="auto" lang={line.lang} key={line.start}>
          {line.chunks.map((chunk) => (
            <span data-o={chunk.start} key={chunk.start}>
              {chunk.text}
            </span>
          ))}
        </div>
      ))}
    </div>
  )
})
