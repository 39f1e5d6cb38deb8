import { describe, expect, it } from 'vitest'
import { planBatches } from '../../../src/renderer/src/importing/planBatches'

describe('planBatches', () => {
  it('keeps every file, in order, in batches of at most 500 files', () => {
    const files = Array.from({ length: 1200 }, (_, i) => ({ size: 5000, i }))
    const batches = planBatches(files)
    expect(batches.flat()).toEqual(files)
    expect(Math.max(...batches.map((b) => b.length))).toBe(500)
    expect(batches.map((b) => b.length)).toEqual([500, 500, 200])
  })

  it('keeps a batch under 8 MB, and sends a larger file alone', () => {
    const mb = 1024 * 1024
    const batches = planBatches([
      { size: 3 * mb },
      { size: 3 * mb },
      { size: 3 * mb },
      { size: 20 * mb },
      { size: 1 }
    ])
    expect(batches.map((b) => b.map((f) => f.size / mb))).toEqual([[3, 3], [3], [20], [1 / mb]])
  })

  it('makes no batch of nothing', () => {
    expect(planBatches([])).toEqual([])
  })
})
