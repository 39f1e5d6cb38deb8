/** Token indices: the first and one past the last. */
export interface TokenSpan {
  first: number
  end: number
}

/** A claim as a finder reads it, before its claimant is resolved and typed. */
export interface Draft {
  /** The statement, as token indices. */
  statement: TokenSpan
  cue: TokenSpan
  /** The claimant as written at this claim. */
  claimant?: TokenSpan
  /** A claim whose claimant this one shares: a quotation continued, `…, but argued that…`. */
  sameClaimantAs?: Draft
  /** A hedge with no source: `reportedly`, `it is understood that`. */
  unattributed?: true
  /** Direct speech: a quotation and its attribution. */
  quoted?: true
}
