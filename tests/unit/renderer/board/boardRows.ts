import type { ClaimBoardRow } from '../../../../src/shared/claim'

/** A board row with what a test does not care about filled in. */
export function boardRow(fields: Partial<ClaimBoardRow> & { id: string }): ClaimBoardRow {
  return {
    articleId: 'a1',
    start: 0,
    end: 10,
    exact: 'a passage',
    statement: '',
    attribution: 'named',
    status: 'unreviewed',
    tags: [],
    createdAt: '2024-05-01T10:00:00.000Z',
    updatedAt: '2024-05-01T10:00:00.000Z',
    articleTitle: 'An article',
    links: 0,
    ...fields
  }
}
