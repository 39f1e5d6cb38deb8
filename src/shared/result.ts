/**
 * Results, not exceptions, cross every process and network boundary: Electron's IPC
 * keeps only an error's message, and a rejected fetch loses its type altogether.
 */

/** Every error a Dossier API call can report. */
export type ErrorCode =
  | 'invalid_input'
  | 'not_found'
  | 'refused'
  | 'locked'
  | 'damaged'
  | 'unsupported'
  | 'unauthorized'
  | 'io'
  | 'internal'

export interface ApiError {
  code: ErrorCode
  /** A sentence for the user: it names the file or field and what is wrong. */
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/** An error the core raises on purpose; its message is written for the user. */
export class DossierError extends Error {
  readonly code: ErrorCode

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = 'DossierError'
    this.code = code
  }
}

export function ok<T>(value: T): Result<T> {
  return { ok: true, value }
}

export function fail(code: ErrorCode, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } }
}
