import { createContext } from 'react'

/**
 * Whether the article whose highlights and claims the panel lists is Japanese (`isJapanese`),
 * so that a quote of kanji alone is marked `lang="ja"` as its line in the reader is.
 */
export const JapaneseArticle = createContext(false)
