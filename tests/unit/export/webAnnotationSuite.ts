import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import type { ValidateFunction } from 'ajv'
import Ajv04 from 'ajv-draft-04'
import addFormats from 'ajv-formats'
import { repoRoot } from '../store/runTsArgs'

/** The W3C suite's draft-04 schemas, copied into the fixtures (see its README). */
const suite = resolve(repoRoot, 'tests/fixtures/web-annotation')

interface Assertion {
  path: string
  validate: ValidateFunction
  expected: boolean
  message: string
}

/**
 * The "must" assertions of one manifest of the W3C Web Annotation test suite, run as the
 * Web Platform Tests run them (performance.md §6): ajv with draft-04 and the formats, the
 * suite's own keywords allowed, every definition added by its relative id. Returns the
 * assertions a value fails, with the suite's message.
 */
export function webAnnotationMusts(manifest: string): (value: unknown) => string[] {
  const ajv = new Ajv04({ allErrors: true, strict: false })
  addFormats(ajv)
  for (const keyword of ['assertionType', 'expectedResult', 'onUnexpectedResult', 'errorMessage'])
    ajv.addKeyword(keyword)
  for (const name of readdirSync(join(suite, 'definitions')))
    ajv.addSchema(JSON.parse(readFileSync(join(suite, 'definitions', name), 'utf8')))
  const test = JSON.parse(readFileSync(join(suite, manifest), 'utf8')) as { assertions: string[] }
  const assertions: Assertion[] = test.assertions.map((path) => {
    const schema = JSON.parse(readFileSync(join(suite, path), 'utf8'))
    return {
      path,
      validate: ajv.compile(schema),
      expected: (schema.expectedResult ?? 'valid') === 'valid',
      message: String(schema.errorMessage ?? schema.title ?? '')
    }
  })
  if (assertions.length === 0) throw new Error(`${manifest} lists no assertions`)
  return (value) =>
    assertions
      .filter(({ validate, expected }) => validate(value) !== expected)
      .map(({ path, message }) => `${path}: ${message}`)
}
