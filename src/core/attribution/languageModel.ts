import type { WinkMethods } from 'wink-nlp'

/** wink-nlp with its English lite model: sentences, tokens and parts of speech. */
export type LanguageModel = WinkMethods

/**
 * Only sentence boundaries and parts of speech: the finder never reads wink's entities,
 * negation or sentiment, and leaving them out of the pipe makes every article cheaper.
 */
const PIPE = ['sbd', 'pos']

let loading: Promise<LanguageModel> | undefined

/**
 * The model, loaded on first use and then shared. Importing and building it takes about half
 * a second, so it is imported here, when a text is first read, not when a host starts.
 */
export function loadLanguageModel(): Promise<LanguageModel> {
  loading ??= Promise.all([import('wink-nlp'), import('wink-eng-lite-web-model')]).then(
    ([wink, model]) => wink.default(model.default, PIPE)
  )
  return loading
}
