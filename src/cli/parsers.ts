import { InvalidArgumentError } from 'commander'
import { RELIABILITY_GRADES } from './claimVocabulary'
import type { Reliability } from '../shared/source'

/** Option parsers; kept free of heavy imports so `--help` stays instant. */
export function positiveInt(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1)
    throw new InvalidArgumentError('must be a whole number of 1 or more')
  return n
}

export function nonNegativeInt(value: string): number {
  const n = Number(value)
  if (!Number.isInteger(n) || n < 0)
    throw new InvalidArgumentError('must be a whole number of 0 or more')
  return n
}

const COLOR_NAMES = ['yellow', 'blue', 'green', 'red', 'purple', 'grey']

export function colorSlot(value: string): number {
  const n = Number(value)
  if (Number.isInteger(n) && n >= 1 && n <= 6) return n
  const named = COLOR_NAMES.indexOf(value.toLowerCase())
  if (named >= 0) return named + 1
  throw new InvalidArgumentError(`must be 1–6 or one of ${COLOR_NAMES.join(', ')}`)
}

/** Collects a repeatable option (`--tag a --tag b`) into an array. */
export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value]
}

/** An option that takes one of a fixed set of words. */
export function oneOf<T extends string>(values: readonly T[]): (value: string) => T {
  return (value) => {
    if ((values as readonly string[]).includes(value)) return value as T
    throw new InvalidArgumentError(`must be one of ${values.join(', ')}`)
  }
}

/** Admiralty information credibility, a whole number 1–6. */
export function credibility(value: string): number {
  const n = Number(value)
  if (Number.isInteger(n) && n >= 1 && n <= 6) return n
  throw new InvalidArgumentError('must be 1–6 (1 confirmed … 6 cannot be judged)')
}

/** Admiralty source reliability A–F, in either case. */
export function reliability(value: string): Reliability {
  const grade = value.toUpperCase()
  if ((RELIABILITY_GRADES as readonly string[]).includes(grade)) return grade as Reliability
  throw new InvalidArgumentError('must be A–F (A completely reliable … F cannot be judged)')
}
