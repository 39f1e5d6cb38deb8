import { describe, expect, it } from 'vitest'
import { DeliveryQueue } from '../../../src/main/DeliveryQueue'

const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10))

describe('DeliveryQueue', () => {
  it('holds items until there is a receiver, then delivers what waited as one batch', async () => {
    const batches: string[][] = []
    const queue = new DeliveryQueue<string>(() => undefined)
    queue.push('a.txt')
    queue.push('b.txt', 'c.txt')
    await settle()
    expect(batches).toEqual([])
    queue.deliverTo((batch) => void batches.push(batch))
    await settle()
    expect(batches).toEqual([['a.txt', 'b.txt', 'c.txt']])
    queue.push('d.txt')
    await settle()
    expect(batches).toEqual([['a.txt', 'b.txt', 'c.txt'], ['d.txt']])
  })

  it('gathers a burst into one delivery, and what arrives during one into the next', async () => {
    const batches: string[][] = []
    let release: () => void = () => undefined
    const queue = new DeliveryQueue<string>(() => undefined)
    queue.deliverTo(async (batch) => {
      batches.push(batch)
      await new Promise<void>((resolve) => (release = resolve))
    })
    // macOS: one open-file event per file of a multi-file open.
    for (const name of ['1.txt', '2.txt', '3.txt']) queue.push(name)
    await settle()
    queue.push('4.txt')
    queue.push('5.txt')
    await settle()
    expect(batches).toEqual([['1.txt', '2.txt', '3.txt']])
    release()
    await settle()
    expect(batches).toEqual([
      ['1.txt', '2.txt', '3.txt'],
      ['4.txt', '5.txt']
    ])
    release()
  })

  it('reports a failed delivery and goes on with the next', async () => {
    const errors: unknown[] = []
    const delivered: string[] = []
    const queue = new DeliveryQueue<string>((error) => errors.push(error))
    queue.deliverTo((batch) => {
      if (batch.includes('bad')) throw new Error('library closed')
      delivered.push(...batch)
    })
    queue.push('bad')
    await settle()
    queue.push('good')
    await settle()
    expect(errors.map((e) => (e as Error).message)).toEqual(['library closed'])
    expect(delivered).toEqual(['good'])
  })

  it('sends later items to a new receiver (the page reloaded)', async () => {
    const first: number[] = []
    const second: number[] = []
    const queue = new DeliveryQueue<number>(() => undefined)
    queue.deliverTo((batch) => void first.push(...batch))
    queue.push(1)
    await settle()
    queue.deliverTo((batch) => void second.push(...batch))
    queue.push(2)
    await settle()
    expect([first, second]).toEqual([[1], [2]])
  })
})
