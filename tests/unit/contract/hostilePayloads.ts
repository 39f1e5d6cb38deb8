import fc from 'fast-check'
import type { MethodName } from '../../../src/shared/api'
import { contract } from '../../../src/shared/api'

/**
 * Hostile payloads for any contract method, as the JSON text a client would send (JSON,
 * because a 10,000-level value cannot even be stringified by JSON.stringify). Each is
 * invalid by construction or checked to be so by the schema, so every one must be refused.
 */

/** The parts of a zod 4 schema these generators read (its documented `_zod.def`). */
interface SchemaNode {
  _zod: {
    def: {
      type: string
      format?: string
      innerType?: SchemaNode
      element?: SchemaNode
      in?: SchemaNode
    }
  }
  shape?: Record<string, SchemaNode>
  maxLength?: number | null
}

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'readonly', 'nonoptional', 'catch'])
/** String formats whose pattern fixes their length: no maximum needed. */
const FIXED_LENGTH_FORMATS = new Set(['uuid', 'guid', 'ulid', 'cuid', 'cuid2', 'nanoid'])

function unwrap(schema: SchemaNode): SchemaNode {
  let node = schema
  while (WRAPPERS.has(node._zod.def.type) && node._zod.def.innerType) node = node._zod.def.innerType
  return node._zod.def.type === 'pipe' && node._zod.def.in ? unwrap(node._zod.def.in) : node
}

/** A list's greatest allowed length: its maximum, or the one length it must have. */
function arrayMaximum(schema: SchemaNode): number | undefined {
  const checks = (schema._zod.def as { checks?: { _zod: { def: Record<string, unknown> } }[] })
    .checks
  for (const { _zod } of checks ?? []) {
    if (_zod.def.check === 'max_length') return Number(_zod.def.maximum)
    if (_zod.def.check === 'length_equals') return Number(_zod.def.length)
  }
  return undefined
}

function shapeOf(name: MethodName): Record<string, SchemaNode> {
  return (contract[name].input as unknown as SchemaNode).shape ?? {}
}

/** The keys a method's input may have. */
export function keysOf(name: MethodName): string[] {
  return Object.keys(shapeOf(name))
}

/** Every string and list in a method's input with no maximum, by path (there should be none). */
export function unboundedFields(name: MethodName): string[] {
  const found: string[] = []
  const walk = (schema: SchemaNode, path: string): void => {
    const node = unwrap(schema)
    const { type, element, format } = node._zod.def
    const fixed = format !== undefined && FIXED_LENGTH_FORMATS.has(format)
    if (type === 'string' && !fixed && (node.maxLength === null || node.maxLength === undefined))
      found.push(path)
    if (type === 'array') {
      if (arrayMaximum(node) === undefined) found.push(path)
      if (element) walk(element, `${path}.*`)
    }
    for (const [key, child] of Object.entries(node.shape ?? {}))
      walk(child, path ? `${path}.${key}` : key)
  }
  walk(contract[name].input as unknown as SchemaNode, '')
  return found
}

/**
 * One value per capped string or list of a method's input, one past its cap, with the
 * path to put it at (inside a list, in its first element). Exhaustive, not sampled: a
 * 67 MB string is built once.
 */
export function oversizedFields(name: MethodName): { path: (string | number)[]; value: unknown }[] {
  const found: { path: (string | number)[]; value: unknown }[] = []
  const walk = (schema: SchemaNode, path: (string | number)[]): void => {
    const node = unwrap(schema)
    const { type, element } = node._zod.def
    if (type === 'string' && typeof node.maxLength === 'number')
      found.push({ path, value: 'A'.repeat(node.maxLength + 1) })
    if (type === 'array') {
      const max = arrayMaximum(node)
      const item = element && unwrap(element)._zod.def.type === 'string' ? 'a' : {}
      if (max !== undefined)
        found.push({ path, value: Array.from({ length: max + 1 }, () => item) })
      if (element) walk(element, [...path, 0])
    }
    for (const [key, child] of Object.entries(node.shape ?? {})) walk(child, [...path, key])
  }
  walk(contract[name].input as unknown as SchemaNode, [])
  return found
}

/** `base` with `value` put at `path`, creating objects and lists on the way. */
export function withValueAt(base: unknown, path: (string | number)[], value: unknown): unknown {
  if (path.length === 0) return value
  const [head, ...rest] = path as [string | number, ...(string | number)[]]
  if (typeof head === 'number') {
    const list = Array.isArray(base) ? [...(base as unknown[])] : []
    list[head] = withValueAt(list[head], rest, value)
    return list
  }
  const object: Record<string, unknown> =
    typeof base === 'object' && base !== null && !Array.isArray(base) ? { ...base } : {}
  object[head] = withValueAt(object[head], rest, value)
  return object
}

/** JSON text of `base` (an object) with one more member whose value is raw JSON text. */
function withRawMember(base: Record<string, unknown>, key: string, rawValue: string): string {
  const rest = Object.fromEntries(Object.entries(base).filter(([name]) => name !== key))
  const head = JSON.stringify(rest).slice(0, -1)
  return `${head}${head.length > 1 ? ',' : ''}${JSON.stringify(key)}:${rawValue}}`
}

/** `levels` of objects or lists inside each other, as JSON text. */
const deepJson = fc
  .tuple(fc.integer({ min: 300, max: 10_000 }), fc.boolean())
  .map(([levels, lists]) =>
    lists
      ? '['.repeat(levels) + ']'.repeat(levels)
      : '{"a":'.repeat(levels) + '0' + '}'.repeat(levels)
  )

/** Members that reach a prototype when an object is merged or assigned. */
const pollutingMember = fc.constantFrom(
  '"__proto__":{"polluted":true}',
  '"constructor":{"prototype":{"polluted":true}}',
  '"prototype":{"polluted":true}',
  '"__proto__":{"__proto__":{"polluted":true}}'
)

/** Any JSON but null, which a host reads as "no input". */
const jsonValue = fc.jsonValue().filter((value) => value !== null)

/** Wrong at the top: not an object at all. */
export const notAnObject: fc.Arbitrary<string> = fc
  .oneof(fc.string(), fc.integer(), fc.boolean(), fc.array(jsonValue, { maxLength: 5 }))
  .map((value) => JSON.stringify(value))

/** A valid-looking payload with one key the method does not have. */
export function unknownKey(name: MethodName, base: Record<string, unknown>): fc.Arbitrary<string> {
  const keys = new Set(keysOf(name))
  return fc
    .tuple(
      fc.string({ minLength: 1, maxLength: 20 }).filter((key) => !keys.has(key)),
      jsonValue
    )
    .map(([key, value]) => JSON.stringify({ ...base, [key]: value }))
}

/** The method's own keys with values of any JSON type (only those the schema refuses). */
export function wrongValues(name: MethodName, base: Record<string, unknown>): fc.Arbitrary<string> {
  const keys = keysOf(name)
  if (keys.length === 0) return notAnObject
  return fc
    .tuple(fc.constantFrom(...keys), jsonValue)
    .map(([key, value]) => ({ ...base, [key]: value }))
    .filter((payload) => !contract[name].input.safeParse(payload).success)
    .map((payload) => JSON.stringify(payload))
}

/** The members of `base[key]` as JSON text without braces, if it is an object. */
function membersOf(base: Record<string, unknown>, key: string): string {
  const value = base[key]
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? JSON.stringify(value).slice(1, -1)
    : ''
}

/** `base` with `base[key]` (an object, or a new one) given one more raw member. */
function withInnerMember(base: Record<string, unknown>, key: string, member: string): string {
  const inner = membersOf(base, key)
  return withRawMember(base, key, `{${member}${inner ? ',' : ''}${inner}}`)
}

/**
 * 300 to 10,000 levels of nesting: as the payload, as one of its values, in a list, or
 * inside one of its objects (where the schema would only strip an unknown member).
 */
export function deeplyNested(
  name: MethodName,
  base: Record<string, unknown>
): fc.Arbitrary<string> {
  const keys = [...keysOf(name), 'nested']
  const objectKeys = keys.filter((key) => membersOf(base, key) !== '')
  return fc.oneof(
    deepJson,
    fc
      .tuple(fc.constantFrom(...keys), deepJson)
      .map(([key, deep]) => withRawMember(base, key, deep)),
    fc
      .tuple(fc.constantFrom(...keys), deepJson)
      .map(([key, deep]) => withRawMember(base, key, `[${deep}]`)),
    fc
      .tuple(fc.constantFrom(...(objectKeys.length > 0 ? objectKeys : keys)), deepJson)
      .map(([key, deep]) => withInnerMember(base, key, `"nested":${deep}`))
  )
}

/** `__proto__`, `constructor.prototype` or `prototype` at the top or under one of its keys. */
export function prototypePolluting(
  name: MethodName,
  base: Record<string, unknown>
): fc.Arbitrary<string> {
  const keys = keysOf(name)
  const top = pollutingMember.map((member) => {
    const text = JSON.stringify(base)
    return `{${member}${text.length > 2 ? ',' : ''}${text.slice(1)}`
  })
  if (keys.length === 0) return top
  return fc.oneof(
    top,
    fc
      .tuple(fc.constantFrom(...keys), pollutingMember, fc.boolean())
      .map(([key, member, inList]) =>
        inList ? withRawMember(base, key, `[{${member}}]`) : withInnerMember(base, key, member)
      )
  )
}
