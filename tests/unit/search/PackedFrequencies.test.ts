import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { PackedFrequencies } from '../../../src/core/search/PackedFrequencies'

type Operation =
  | { op: 'set'; id: number; frequency: number }
  | { op: 'append'; frequency: number }
  | { op: 'delete'; id: number }
  | { op: 'read'; id: number }

const operation: fc.Arbitrary<Operation> = fc.oneof(
  fc.record({
    op: fc.constant('set' as const),
    id: fc.nat(60),
    frequency: fc.integer({ min: 1, max: 9 })
  }),
  fc.record({ op: fc.constant('append' as const), frequency: fc.integer({ min: 1, max: 9 }) }),
  fc.record({ op: fc.constant('delete' as const), id: fc.nat(60) }),
  fc.record({ op: fc.constant('read' as const), id: fc.nat(60) })
)

/** Sorted distinct ids with frequencies, as a snapshot holds them (deltas). */
const snapshot = fc
  .uniqueArray(fc.nat(40), { minLength: 8, maxLength: 30 })
  .map((ids) => ids.sort((a, b) => a - b))
  .chain((ids) =>
    fc
      .array(fc.integer({ min: 1, max: 9 }), { minLength: ids.length, maxLength: ids.length })
      .map((frequencies) => ids.map((id, i) => [id, frequencies[i]] as [number, number]))
  )

describe('PackedFrequencies', () => {
  it('behaves as a Map under any sequence of changes', () => {
    fc.assert(
      fc.property(snapshot, fc.array(operation, { maxLength: 40 }), (postings, operations) => {
        const deltas = postings.flatMap(([id, frequency], i) => [
          id - (i > 0 ? postings[i - 1][0] : 0),
          frequency
        ])
        const packed = PackedFrequencies.fromDeltas(deltas)
        const map = new Map(postings)
        let next = 100
        for (const step of operations) {
          if (step.op === 'set') {
            packed.set(step.id, step.frequency)
            map.set(step.id, step.frequency)
          } else if (step.op === 'append') {
            packed.set(next, step.frequency)
            map.set(next++, step.frequency)
          } else if (step.op === 'delete') expect(packed.delete(step.id)).toBe(map.delete(step.id))
          else {
            expect(packed.get(step.id)).toBe(map.get(step.id))
            expect(packed.has(step.id)).toBe(map.has(step.id))
          }
          expect(packed.size).toBe(map.size)
        }
        expect(new Map([...packed])).toEqual(map)
        const read: [number, number | undefined][] = []
        for (const id of packed.keys()) read.push([id, packed.get(id)])
        expect(new Map(read)).toEqual(map)
        expect(new Map(PackedFrequencies.fromMap(map))).toEqual(map)
      })
    )
  })

  it('stays packed while ids only grow', () => {
    const packed = PackedFrequencies.fromDeltas([0, 1, 3, 2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1])
    packed.set(20, 1)
    packed.set(20, 2)
    packed.set(21, 1)
    expect(packed.packed).toBe(true)
    expect(packed.get(20)).toBe(2)
    packed.set(5, 1)
    expect(packed.packed).toBe(false)
    expect(packed.get(5)).toBe(1)
    expect(packed.get(20)).toBe(2)
  })
})
