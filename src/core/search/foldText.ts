/** Search folds text as find in an article does: one folding, in `src/shared`. */
export { foldText, foldTextWithOrigins, originalRange } from '../../shared/text/foldText'
export type { FoldedText } from '../../shared/text/foldText'
