export { findQuote } from './findQuote'
export { QUOTE_CONTEXT, quoteAt, snapToCodePoint } from './quoteAt'
