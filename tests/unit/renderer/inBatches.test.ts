import { describe, expect, it } from 'vitest'
import { contract } from '../../../src/shared/api'
import { MAX_AMONG_IDS, MAX_IDS_PER_CALL } from '../../../src/shared/articleWindow'
import {
  askInBatches,
  batchesOf,
  sendInBatches
} from '../../../src/renderer/src/transport/inBatches'

const ids = (count: number): string[] => Array.from({ length: count }, (_, i) => `a${i}`)

describe('batchesOf', () => {
  it('keeps every item, in order, in batches of at most the size', () => {
    const batches = batchesOf(ids(7), 3)
    expect(batches).toEqual([['a0', 'a1', 'a2'], ['a3', 'a4', 'a5'], ['a6']])
    expect(batchesOf(ids(6), 3).map((b) => b.length)).toEqual([3, 3])
    expect(batchesOf(ids(2), 3)).toEqual([['a0', 'a1']])
  })

  it('makes no batch of nothing, and refuses a size below one', () => {
    expect(batchesOf([], 3)).toEqual([])
    expect(() => batchesOf(ids(2), 0)).toThrow(RangeError)
    expect(() => batchesOf(ids(2), 1.5)).toThrow(RangeError)
  })

  it('splits a selection of 10,001 into calls the contract accepts, which it refuses as one', () => {
    const selection = ids(MAX_IDS_PER_CALL + 1)
    const trash = contract.deleteArticles.input
    expect(trash.safeParse({ ids: selection }).success).toBe(false)
    const batches = batchesOf(selection, MAX_IDS_PER_CALL)
    expect(batches.map((b) => b.length)).toEqual([MAX_IDS_PER_CALL, 1])
    for (const batch of batches) {
      expect(trash.safeParse({ ids: batch }).success).toBe(true)
      expect(contract.restoreArticles.input.safeParse({ ids: batch }).success).toBe(true)
      expect(contract.getArticleRows.input.safeParse({ ids: batch }).success).toBe(true)
      expect(contract.emptyTrash.input.safeParse({ ids: batch }).success).toBe(true)
    }
  })

  it('splits a selection above the among cap into questions the contract accepts', () => {
    const selection = ids(MAX_AMONG_IDS + 1)
    const ask = contract.listArticleIds.input
    expect(ask.safeParse({ among: selection }).success).toBe(false)
    for (const among of batchesOf(selection, MAX_AMONG_IDS))
      expect(ask.safeParse({ among }).success).toBe(true)
  })
})

describe('sendInBatches', () => {
  it('sends every batch one after another, never two at once', async () => {
    const calls: string[][] = []
    let running = 0
    const outcome = await sendInBatches(ids(5), 2, async (batch) => {
      running++
      expect(running).toBe(1)
      calls.push(batch)
      await new Promise((resolve) => setTimeout(resolve, 1))
      running--
      return batch.length
    })
    expect(calls).toEqual([['a0', 'a1'], ['a2', 'a3'], ['a4']])
    expect(outcome).toEqual({ sent: ids(5), results: [2, 2, 1] })
  })

  it('stops at the first failure and tells what was sent before it', async () => {
    const calls: string[][] = []
    const problem = new Error('invalid_input')
    const outcome = await sendInBatches(ids(7), 2, async (batch) => {
      calls.push(batch)
      if (batch.includes('a2')) throw problem
      return 'ok'
    })
    expect(calls).toHaveLength(2)
    expect(outcome).toEqual({ sent: ['a0', 'a1'], results: ['ok'], failure: { error: problem } })
  })

  it('calls nothing for no items', async () => {
    let called = false
    const outcome = await sendInBatches([], 2, async () => void (called = true))
    expect(called).toBe(false)
    expect(outcome).toEqual({ sent: [], results: [] })
  })
})

describe('askInBatches', () => {
  it('joins the answers of every batch in order', async () => {
    const answers = await askInBatches(ids(5), 2, async (batch) => batch.map((id) => `${id}!`))
    expect(answers).toEqual(ids(5).map((id) => `${id}!`))
  })

  it('throws the first failure', async () => {
    const problem = new Error('no')
    await expect(
      askInBatches(ids(5), 2, async (batch) => {
        if (batch.includes('a4')) throw problem
        return batch
      })
    ).rejects.toBe(problem)
  })
})
