import { createHash } from 'node:crypto'

/** Hex SHA-256: article identity, body file names, evidence of the original bytes. */
export function sha256(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex')
}
