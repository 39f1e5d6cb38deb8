import type { Claim } from '../../../shared/claim'
import { docToPlain, plainToDoc } from '../../../shared/richText'
import type { ClaimEdit } from './claimEdit'

/** A claim's note as the card's plain-text field shows it. */
export function noteText(note: Claim['note']): string {
  return docToPlain(note)
}

/** Plain text from the card's field as a claim's note. */
export function noteEdit(text: string): ClaimEdit['note'] {
  return plainToDoc(text)
}
