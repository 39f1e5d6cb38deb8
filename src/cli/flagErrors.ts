import type { InputOf, MethodName, ParsedInputOf } from '../shared/api'
import { contract } from '../shared/api'
import { DossierError } from '../shared/result'

/** Which command-line flag or argument stands for each field of a contract input. */
export type FlagNames = Partial<Record<string, string>>

/**
 * Checks what a command is about to ask of the library against the contract's schema, as
 * every other host does, and names the flag the user typed rather than the field.
 */
export function parseInput<K extends MethodName>(
  name: K,
  input: InputOf<K>,
  flags: FlagNames
): ParsedInputOf<K> {
  const result = contract[name].input.safeParse(input)
  if (result.success) return result.data as ParsedInputOf<K>
  const issue = result.error.issues[0]!
  const field = String(issue.path[0] ?? '')
  throw new DossierError('invalid_input', `${flags[field] ?? field}: ${issue.message}`)
}

/**
 * Rewrites the core's "field: reason" errors in terms of flags, e.g. `relation:` becomes
 * `--relation:`; any other error passes through unchanged.
 */
export function renameField(flags: FlagNames): (error: unknown) => never {
  return (error) => {
    if (!(error instanceof DossierError)) throw error
    const field = /^([A-Za-z.]+): /.exec(error.message)?.[1]
    const flag = field === undefined ? undefined : flags[field]
    if (flag === undefined) throw error
    throw new DossierError(error.code, `${flag}: ${error.message.slice(field!.length + 2)}`, {
      cause: error
    })
  }
}
