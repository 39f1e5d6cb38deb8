import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MAX_REMEMBERED_TERMS, TermMap } from '../../../src/core/search/TermMap'

type Operation =
  | { op: 'fetch' | 'delete' | 'get'; key: string }
  | { op: 'set' | 'update'; key: string; value: number }

/** Short keys over few letters: many share prefixes, so the radix tree splits and merges. */
const key = fc.string({ unit: fc.constantFrom('a', 'b', 'c'), minLength: 1, maxLength: 4 })
const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({ op: fc.constantFrom('fetch' as const, 'delete' as const, 'get' as const), key }),
  fc.record({ op: fc.constantFrom('set' as const, 'update' as const), key, value: fc.nat(99) })
)

describe('TermMap', () => {
  it('answers as a Map under any sequence of changes, through the tree and its memory alike', () => {
    fc.assert(
      fc.property(fc.array(operation, { maxLength: 60 }), (operations) => {
        const terms = new TermMap<{ value: number }>()
        const model = new Map<string, { value: number }>()
        for (const step of operations) {
          switch (step.op) {
            case 'fetch': {
              const fetched = terms.fetch(step.key, () => ({ value: -1 }))
              if (!model.has(step.key)) model.set(step.key, fetched)
              expect(fetched).toBe(model.get(step.key))
              break
            }
            case 'get':
              expect(terms.get(step.key)).toBe(model.get(step.key))
              break
            case 'delete':
              terms.delete(step.key)
              model.delete(step.key)
              break
            case 'set': {
              const value = { value: step.value }
              terms.set(step.key, value)
              model.set(step.key, value)
              break
            }
            case 'update': {
              const value = { value: step.value }
              terms.update(step.key, () => value)
              model.set(step.key, value)
              break
            }
          }
        }
        for (const [term, value] of model)
          expect(terms.fetch(term, () => ({ value: -2 }))).toBe(value)
        expect(terms.size).toBe(model.size)
      })
    )
  })

  it('forgets the terms it remembers past its bound, and still finds them in the tree', () => {
    const terms = new TermMap<number>()
    const count = MAX_REMEMBERED_TERMS + 10
    for (let i = 0; i < count; i++) terms.fetch(`t${i}`, () => i)
    for (const i of [0, 1, MAX_REMEMBERED_TERMS, count - 1])
      expect(terms.fetch(`t${i}`, () => -1)).toBe(i)
    expect(terms.size).toBe(count)
  })
})
