import chardet from 'chardet'
import type { EncodingCandidate } from '../../shared/importing'
import { canonicalEncoding, UNICODE_ENCODINGS } from './canonicalEncoding'
import { decodeExactly } from './decodeExactly'
import { implausibility } from './implausibility'

/** Detection reads at most this much, as VS Code does: enough to judge, memory stays flat. */
export const DETECTION_SAMPLE_BYTES = 64 * 1024

/** How much a garbled-looking decode outweighs chardet's confidence (both 0–1). */
const IMPLAUSIBILITY_WEIGHT = 2

/** A guess is never certain; detectors disagree on short inputs. */
const MAX_GUESS_CONFIDENCE = 0.9

/**
 * Always offered when nothing better fits: the most common legacy encoding of the
 * articles analysts receive. ISO-8859-15 differs from it only in €, Š, Ž, Œ, Ÿ and friends.
 */
const FALLBACKS: readonly EncodingCandidate[] = [
  { encoding: 'windows-1252', confidence: 0.1 },
  { encoding: 'iso-8859-15', confidence: 0.05 }
]

/**
 * Legacy (non-Unicode) encodings that decode `bytes` exactly and without C1 control
 * codes, most likely first, as guessed by chardet from a bounded sample. Only for bytes
 * that are not UTF-8 and have no NUL pattern: the caller tries those first.
 */
export function guessEncodings(bytes: Uint8Array): EncodingCandidate[] {
  const sample = bytes.subarray(0, DETECTION_SAMPLE_BYTES)
  const guesses: EncodingCandidate[] = chardet.analyse(sample).flatMap((match) => {
    const encoding = canonicalEncoding(match.name)
    return encoding && !UNICODE_ENCODINGS.has(encoding) && match.confidence > 0
      ? [{ encoding, confidence: Math.min(match.confidence / 100, MAX_GUESS_CONFIDENCE) }]
      : []
  })
  const seen = new Set<string>()
  const ranked: { candidate: EncodingCandidate; rank: number }[] = []
  for (const candidate of [...guesses, ...FALLBACKS]) {
    if (seen.has(candidate.encoding)) continue
    seen.add(candidate.encoding)
    const text = decodeExactly(bytes, candidate.encoding)
    // C1 controls (U+0080–U+009F) are what a wrong single-byte code page makes of curly
    // quotes and dashes; real text does not contain them.
    if (text === undefined || /[\u0080-\u009f]/.test(text)) continue
    ranked.push({
      candidate,
      rank: candidate.confidence - IMPLAUSIBILITY_WEIGHT * implausibility(text)
    })
  }
  // Stable sort: among equally plausible decodes, chardet's order stands.
  return ranked.sort((a, b) => b.rank - a.rank).map(({ candidate }) => candidate)
}
