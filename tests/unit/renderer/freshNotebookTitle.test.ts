import { describe, expect, it } from 'vitest'
import type { NotebookMeta } from '../../../src/shared/notebook'
import { freshNotebookTitle } from '../../../src/renderer/src/notes/freshNotebookTitle'

const named = (...titles: string[]) => titles.map((title) => ({ title }) as NotebookMeta)

describe('freshNotebookTitle', () => {
  it('names the first notebook "Notebook", the next ones by the first number free', () => {
    expect(freshNotebookTitle([])).toBe('Notebook')
    expect(freshNotebookTitle(named('Notebook'))).toBe('Notebook 2')
    expect(freshNotebookTitle(named('notebook', 'Notebook 2', 'Notebook 4'))).toBe('Notebook 3')
  })
})
