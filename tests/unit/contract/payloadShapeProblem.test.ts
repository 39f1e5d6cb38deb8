import { describe, expect, it } from 'vitest'
import { MAX_PAYLOAD_DEPTH, payloadShapeProblem } from '../../../src/core/payloadShapeProblem'

/** `levels` objects, each inside the next one's `a`. */
function nested(levels: number, inner: unknown = {}): unknown {
  let value = inner
  for (let i = 0; i < levels; i++) value = { a: value }
  return value
}

describe('payloadShapeProblem', () => {
  it('accepts ordinary payloads', () => {
    for (const payload of [
      undefined,
      null,
      {},
      'text',
      { ids: Array.from({ length: 10_000 }, (_, i) => String(i)) },
      { workspace: { panes: [{ id: 'p1', articleId: 'a' }], colorNames: ['Red'] } },
      { files: [{ name: 'a.txt', dataBase64: 'aGVsbG8=' }] },
      { bytes: new Uint8Array(1_000_000) }
    ])
      expect(payloadShapeProblem(payload)).toBeUndefined()
  })

  it('accepts the deepest note the editor allows (64 levels of nodes)', () => {
    let doc: unknown = { type: 'text', text: 'deep' }
    for (let i = 0; i < 64; i++) doc = { type: 'blockquote', content: [doc] }
    expect(payloadShapeProblem({ articleId: 'a', note: { type: 'doc', content: [doc] } })).toBe(
      undefined
    )
  })

  it.each([
    ['10,000 objects', nested(10_000)],
    ['10,000 arrays', JSON.parse('['.repeat(10_000) + ']'.repeat(10_000)) as unknown],
    ['one level past the limit', nested(MAX_PAYLOAD_DEPTH + 1)]
  ])('refuses nesting of %s, without overflowing the stack', (_, payload) => {
    expect(payloadShapeProblem(payload)).toMatch(/nested more than 256 levels/)
  })

  it('accepts nesting up to the limit', () => {
    expect(payloadShapeProblem(nested(MAX_PAYLOAD_DEPTH))).toBeUndefined()
  })

  it('walks shared and circular references once', () => {
    const shared = { x: 1 }
    const circular: Record<string, unknown> = { shared, again: shared }
    circular.self = circular
    expect(payloadShapeProblem(circular)).toBeUndefined()
    // 2^64 paths through one object each level: quick only if each object is seen once.
    let diamond: unknown = {}
    for (let i = 0; i < 64; i++) diamond = { left: diamond, right: diamond }
    expect(payloadShapeProblem(diamond)).toBeUndefined()
  })

  it.each([
    ['{"__proto__": {"polluted": true}}', '__proto__'],
    ['{"id": "a", "constructor": {"prototype": {"polluted": true}}}', 'constructor'],
    [
      '{"workspace": {"panes": [{"id": "p", "__proto__": {"x": 1}}]}}',
      'workspace.panes.0.__proto__'
    ],
    ['{"fields": {"tags": [], "prototype": 1}}', 'fields.prototype']
  ])('refuses %s, naming %s', (json, path) => {
    expect(payloadShapeProblem(JSON.parse(json))).toBe(
      `${path}: the key "${path.split('.').at(-1)}" is not allowed`
    )
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
