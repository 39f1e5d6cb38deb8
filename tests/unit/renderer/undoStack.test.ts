import { describe, expect, it } from 'vitest'
import type { UndoableAction } from '../../../src/renderer/src/annotations/UndoStack'
import { UndoStack } from '../../../src/renderer/src/annotations/UndoStack'

function counter(label: string, log: string[]): UndoableAction {
  return {
    label,
    where: { articleId: 'a' },
    undo: async () => void log.push(`undo ${label}`),
    redo: async () => void log.push(`redo ${label}`)
  }
}

describe('UndoStack', () => {
  it('asks before each undo and redo; a refusal changes nothing and keeps the step', async () => {
    const log: string[] = []
    const stack = new UndoStack()
    stack.push(counter('one', log))
    stack.push(counter('two', log))
    const refused = await stack.undo(() => false)
    expect(refused).toMatchObject({ done: false, action: { label: 'two' } })
    expect(log).toEqual([])
    // Asked in turn: the second undo is asked only after the first has run.
    const asked: string[] = []
    const prepare = async (action: UndoableAction): Promise<boolean> => {
      asked.push(`${action.label} (${log.length} done)`)
      return true
    }
    const [first, second] = await Promise.all([stack.undo(prepare), stack.undo(prepare)])
    expect([first.action?.label, second.action?.label]).toEqual(['two', 'one'])
    expect(asked).toEqual(['two (0 done)', 'one (1 done)'])
    expect(await stack.undo(prepare)).toEqual({ done: false, action: undefined })
    expect((await stack.redo()).action?.label).toBe('one')
    expect(log).toEqual(['undo two', 'undo one', 'redo one'])
  })

  it('keeps recorded changes in the order they were made, whichever the store finishes first', async () => {
    const log: string[] = []
    const stack = new UndoStack()
    let finishGrade!: () => void
    const grade = new Promise<void>((resolve) => (finishGrade = resolve))
    const graded = stack.record(grade, () => counter('grade', log))
    // Made after the grade, finished before it.
    await stack.record(Promise.resolve(), () => counter('credibility', log))
    const failed = stack.record(Promise.reject(new Error('disk full')), () => counter('lost', log))
    await expect(failed).rejects.toThrow('disk full')
    // An undo asked while the grade is on its way waits for it, and takes the last made.
    const first = stack.undo()
    finishGrade()
    await graded
    expect((await first).action?.label).toBe('credibility')
    expect((await stack.undo()).action?.label).toBe('grade')
    expect(await stack.undo()).toEqual({ done: false, action: undefined })
    expect(log).toEqual(['undo credibility', 'undo grade'])
  })
})
