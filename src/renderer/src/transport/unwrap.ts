import type { ApiError, Result } from '../../../shared/result'

/** Thrown in the renderer when an API call fails; the message is written for the user. */
export class ApiFailure extends Error {
  readonly error: ApiError

  constructor(error: ApiError) {
    super(error.message)
    this.error = error
  }
}

/** The value of a successful call, or an ApiFailure to show the user. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending
  if (!result.ok) throw new ApiFailure(result.error)
  return result.value
}
