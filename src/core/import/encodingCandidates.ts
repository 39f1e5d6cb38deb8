import type { EncodingCandidate } from '../../shared/importing'
import { guessEncodings } from './guessEncodings'

/**
 * The encodings to offer in the import review: the one used first, then every legacy
 * encoding that also decodes the bytes exactly. Pure ASCII reads the same under all of
 * them, so then only the one used is offered.
 */
export function encodingCandidates(
  bytes: Uint8Array,
  used: EncodingCandidate
): EncodingCandidate[] {
  if (bytes.every((byte) => byte < 0x80)) return [used]
  return [used, ...guessEncodings(bytes).filter((c) => c.encoding !== used.encoding)]
}
