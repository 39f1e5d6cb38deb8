/**
 * Nesting deeper than any payload needs: a note at the rich-text limit of 64 levels is
 * some 130 levels of JSON inside its method's input.
 */
export const MAX_PAYLOAD_DEPTH = 256

/** Keys that reach an object's prototype when assigned (`Object.assign`, merges). */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype'])

/** An object or array still to look into, and the way to it from the payload. */
interface Visit {
  value: object
  depth: number
  key?: string | number
  parent?: Visit
}

/**
 * What makes a raw payload unsafe to hand to the schema, or undefined: nesting beyond
 * `MAX_PAYLOAD_DEPTH`, or a key that reaches a prototype, anywhere in it. The schema
 * alone would strip such keys from nested objects silently and accept the rest; refusing
 * them means a hostile payload is always an error. Walked with a stack, not recursion, so
 * depth is checked before it can overflow one; objects already seen (IPC keeps shared
 * and circular references) are not walked again, and binary arrays hold no keys.
 */
export function payloadShapeProblem(payload: unknown): string | undefined {
  const seen = new WeakSet<object>()
  const stack: Visit[] = []
  const push = (value: unknown, depth: number, parent?: Visit, key?: string | number): void => {
    // Only objects need a visit: that keeps a list of 100,000 ids quick.
    if (typeof value === 'object' && value !== null && !ArrayBuffer.isView(value))
      stack.push({ value, depth, key, parent })
  }
  push(payload, 0)
  while (stack.length > 0) {
    const visit = stack.pop()!
    const { value, depth } = visit
    if (seen.has(value)) continue
    if (depth > MAX_PAYLOAD_DEPTH)
      return `the input is nested more than ${MAX_PAYLOAD_DEPTH} levels deep`
    seen.add(value)
    if (Array.isArray(value)) {
      value.forEach((item: unknown, index) => push(item, depth + 1, visit, index))
      continue
    }
    for (const key of Object.keys(value)) {
      if (PROTOTYPE_KEYS.has(key)) return `${pathOf(visit, key)}: the key "${key}" is not allowed`
      push((value as Record<string, unknown>)[key], depth + 1, visit, key)
    }
  }
  return undefined
}

/** `workspace.panes.__proto__`: where in the payload `key` was found. */
function pathOf(visit: Visit, key: string): string {
  const keys: (string | number)[] = [key]
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent)
    keys.unshift(at.key)
  return keys.join('.')
}
