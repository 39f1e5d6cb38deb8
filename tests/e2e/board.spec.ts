import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import {
  expect,
  importSamples,
  importText,
  longPassage,
  longText,
  longTitle,
  shots,
  test
} from './fixtures'

const wire = 'Port of Velmora Strike Enters Third Day as Talks Stall'
const opinion = 'The Velmora Strike Is Not Really About Cranes'
const summit = 'Dražić and Halvorsen End Border Talks Without a Deal'

interface ClaimSeed {
  title: string
  quote: string
  source?: string
  status?: string
  credibility?: number
  statement?: string
  tags?: string[]
}

/**
 * Sources (graded, with reasons) and claims made through `window.api`, as the reader's
 * claim tools would: each claim's offsets are found in the stored text.
 */
async function seedClaims(
  page: Page,
  sources: { name: string; kind: string; reliability?: string }[],
  claims: ClaimSeed[]
): Promise<void> {
  await page.evaluate(
    async ({ sources, claims }) => {
      type Answer = { ok: true; value: unknown } | { ok: false; error: { message: string } }
      const api = (
        window as unknown as { api: Record<string, (input: unknown) => Promise<Answer>> }
      ).api
      const value = async <T>(pending: Promise<Answer>): Promise<T> => {
        const result = await pending
        if (!result.ok) throw new Error(result.error.message)
        return result.value as T
      }
      const ids = new Map<string, string>()
      for (const source of sources) {
        const created = await value<{ id: string }>(
          api.createSource!({ name: source.name, kind: source.kind })
        )
        ids.set(source.name, created.id)
        if (source.reliability)
          await value(
            api.gradeSource!({
              id: created.id,
              reliability: source.reliability,
              reason: 'first grade'
            })
          )
      }
      const articles = await value<{ id: string; title: string }[]>(api.listArticles!({}))
      for (const claim of claims) {
        const article = articles.find((a) => a.title === claim.title)!
        const { text } = await value<{ text: string }>(api.getArticle!({ id: article.id }))
        const start = text.indexOf(claim.quote)
        if (start < 0) throw new Error(`"${claim.quote}" is not in ${claim.title}`)
        await value(
          api.createClaim!({
            articleId: article.id,
            start,
            end: start + claim.quote.length,
            ...(claim.source ? { sourceId: ids.get(claim.source) } : {}),
            ...(claim.status ? { status: claim.status } : {}),
            ...(claim.credibility ? { credibility: claim.credibility } : {}),
            ...(claim.statement ? { statement: claim.statement } : {}),
            ...(claim.tags ? { tags: claim.tags } : {})
          })
        )
      }
    },
    { sources, claims }
  )
}

/** WCAG 2.1 A and AA rules, checked by axe on the page as it is now. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
  )
}

/** The text of one column of the board's rows, top to bottom. */
function column(page: Page, index: number): Promise<string[]> {
  return page
    .getByRole('grid', { name: 'Claims' })
    .locator(`[role="row"][data-id] [role="gridcell"]:nth-child(${index})`)
    .allTextContents()
}

/** The tooltips of one column of the board's rows: the whole text of a clipped cell. */
function titles(page: Page, index: number): Promise<(string | null)[]> {
  return page
    .getByRole('grid', { name: 'Claims' })
    .locator(`[role="row"][data-id] [role="gridcell"]:nth-child(${index})`)
    .evaluateAll((cells) => cells.map((cell) => cell.getAttribute('title')))
}

test('the claims board lists, filters and sorts every claim; Enter opens the article at the passage', async ({
  page,
  host
}) => {
  const review = await importSamples(page, host.url, [
    'harbor-strike-wire.txt',
    'harbor-strike-opinion.txt',
    'summit-talks.txt'
  ])
  await review.getByRole('button', { name: 'Close' }).click()
  await importText(page, [{ name: 'harbour-log.txt', text: longText }])
  await seedClaims(
    page,
    [
      { name: 'Velmora Dockers’ Union', kind: 'organisation', reliability: 'B' },
      { name: 'Port Authority', kind: 'organisation', reliability: 'C' },
      { name: 'Harbour master', kind: 'person', reliability: 'A' }
    ],
    [
      {
        title: wire,
        quote: 'roughly 2,400 workers have joined the stoppage',
        source: 'Velmora Dockers’ Union',
        status: 'disputed',
        credibility: 3,
        statement: 'About 2,400 dockers are on strike',
        tags: ['figures']
      },
      {
        title: opinion,
        quote: 'payroll records',
        status: 'checking'
      },
      {
        title: summit,
        quote: 'about 3,000 people live in the contested strip',
        source: 'Port Authority',
        status: 'supported',
        credibility: 2
      },
      {
        title: longTitle,
        quote: longPassage,
        source: 'Harbour master',
        status: 'refuted',
        credibility: 5,
        tags: ['figures']
      }
    ]
  )

  await page.getByRole('button', { name: 'Claims board' }).click()
  const board = page.getByRole('grid', { name: 'Claims' })
  await expect(board.locator('[role="row"][data-id]')).toHaveCount(4)
  await expect(page.getByText('4 claims', { exact: true })).toBeVisible()
  const union = board.getByRole('row', { name: /roughly 2,400 workers/ })
  await expect(union.getByRole('gridcell')).toHaveText([
    'roughly 2,400 workers have joined the stoppage',
    'About 2,400 dockers are on strike',
    'Velmora Dockers’ Union',
    'B3',
    'Disputed',
    // A title longer than its cell is cut where the cell ends; its tooltip holds it whole.
    /^Port of Velmora Strike .*…$/,
    '0',
    // Changed today: the time, as a mail client shows it; the tooltip has the date too.
    /^\d\d:\d\d$/
  ])
  await expect(union.getByRole('gridcell').nth(5)).toHaveAttribute('title', wire)
  // Its "…" is inside the cell, not past its edge.
  expect(
    await union
      .getByRole('gridcell')
      .nth(5)
      .evaluate((cell) => cell.scrollWidth - cell.clientWidth)
  ).toBeLessThanOrEqual(0)
  await expect(union.getByRole('gridcell').nth(7)).toHaveAttribute(
    'title',
    /^\d{4}-\d\d-\d\d \d\d:\d\d$/
  )
  // A claim with no claimant and no credibility: both halves of its grade are unknown.
  await expect(
    board
      .getByRole('row', { name: /payroll records/ })
      .getByRole('gridcell')
      .nth(3)
  ).toHaveText('??')
  await page.screenshot({ path: `${shots}/claims-board.png` })
  expect(await violations(page)).toEqual([])

  // Sort by grade: A5, B3, C2, then the ungraded; again for the other way.
  await board.getByRole('button', { name: 'Grade' }).click()
  await expect(board.getByRole('columnheader', { name: 'Grade' })).toHaveAttribute(
    'aria-sort',
    'ascending'
  )
  await expect.poll(() => column(page, 4)).toEqual(['A5', 'B3', 'C2', '??'])
  await board.getByRole('button', { name: 'Grade' }).click()
  await expect.poll(() => column(page, 4)).toEqual(['C2', 'B3', 'A5', '??'])
  await board.getByRole('button', { name: 'Claimant' }).click()
  await expect
    .poll(() => column(page, 3))
    .toEqual(['Harbour master', 'Port Authority', 'Velmora Dockers’ Union', '—'])

  // Filter by status, by tag, by claimant and by text.
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('disputed')
  await expect(board.locator('[role="row"][data-id]')).toHaveCount(1)
  await expect(page.getByText('1 of 4 claims', { exact: true })).toBeVisible()
  await page.getByRole('combobox', { name: 'Filter by status' }).selectOption('')
  await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption('figures')
  await expect.poll(() => column(page, 3)).toEqual(['Harbour master', 'Velmora Dockers’ Union'])
  await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption('')
  await page.getByRole('combobox', { name: 'Filter by claimant' }).selectOption('No claimant')
  await expect.poll(() => column(page, 1)).toEqual(['payroll records'])
  await page.getByRole('combobox', { name: 'Filter by claimant' }).selectOption('')
  const filter = page.getByRole('searchbox', { name: 'Filter claims' })
  await filter.fill('AUTHORITY') // the claimant, in any case
  await expect.poll(() => column(page, 3)).toEqual(['Port Authority'])
  await filter.fill('dražić') // the article's title
  await expect.poll(() => titles(page, 6)).toEqual([summit])
  await filter.fill('dockers are') // the statement
  await expect.poll(() => column(page, 3)).toEqual(['Velmora Dockers’ Union'])
  await filter.fill('nothing like this')
  await expect(page.getByText('No claim matches the filters.')).toBeVisible()
  await filter.fill('')
  await expect(board.locator('[role="row"][data-id]')).toHaveCount(4)

  // From the keyboard: down into the grid, arrows, Enter opens the article at the passage.
  await filter.focus()
  await page.keyboard.press('ArrowDown')
  await expect(board.getByRole('row', { name: /Harbour master/ })).toBeFocused()
  await page.keyboard.press('End')
  await expect(board.getByRole('row', { name: /payroll records/ })).toBeFocused()
  await page.keyboard.press('Home')
  await expect(board.getByRole('row', { name: new RegExp(longPassage) })).toBeFocused()
  await page.keyboard.press('Enter')
  const pane = page.getByRole('article', { name: longTitle })
  await expect(pane).toBeVisible()
  await expect(board).toBeHidden()
  // The passage is scrolled into the pane's view, far down its text.
  await expect
    .poll(() =>
      pane.evaluate((article, passage) => {
        const body = article.querySelector('.pane-body')!
        const line = [...article.querySelectorAll('.line')].find((l) =>
          l.textContent!.includes(passage)
        )!
        const box = body.getBoundingClientRect()
        const at = line.getBoundingClientRect()
        return body.scrollTop > 0 && at.top >= box.top && at.bottom <= box.bottom
      }, longPassage)
    )
    .toBe(true)
  await page.screenshot({ path: `${shots}/claims-board-opened.png` })

  // Back on the board (Ctrl+2) the same row has the keyboard; Shift+Enter opens beside.
  await page.keyboard.press('Control+2')
  await expect(board.getByRole('row', { name: new RegExp(longPassage) })).toBeFocused()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Shift+Enter')
  await expect(page.getByRole('article')).toHaveCount(2)
  await expect(page.getByRole('article', { name: summit })).toBeVisible()

  // In the dark theme the board keeps its contrast.
  await page.keyboard.press('Control+2')
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await violations(page)).toEqual([])
  await page.screenshot({ path: `${shots}/claims-board-dark.png` })
})

test('sources: grade with a reason, see the history, merge two and undo the merge, delete an unused one', async ({
  page,
  host
}) => {
  const review = await importSamples(page, host.url, [
    'harbor-strike-wire.txt',
    'harbor-strike-opinion.txt'
  ])
  await review.getByRole('button', { name: 'Close' }).click()
  await seedClaims(
    page,
    [
      { name: 'Ilse Marrow', kind: 'person', reliability: 'B' },
      { name: 'I. Marrow', kind: 'person' },
      { name: 'Unused Gazette', kind: 'outlet' }
    ],
    [
      {
        title: wire,
        quote: 'roughly 2,400 workers have joined the stoppage',
        source: 'Ilse Marrow'
      },
      { title: opinion, quote: 'payroll records', source: 'I. Marrow', status: 'disputed' }
    ]
  )

  await page.keyboard.press('Control+3')
  const list = page.getByRole('grid', { name: 'Sources' })
  await expect(list.locator('tbody tr[data-id]')).toHaveCount(3)
  await expect(page.getByRole('searchbox', { name: 'Filter sources' })).toBeFocused()
  await list.getByRole('row', { name: /^I\. Marrow/ }).click()
  const details = page.getByRole('complementary', { name: 'Source: I. Marrow' })
  await expect(details).toContainText('1 claim')

  // A grade needs a reason; the change and its reason go into the history.
  const grade = details.getByRole('form', { name: 'Grade I. Marrow' })
  await grade.getByRole('combobox', { name: 'Reliability' }).selectOption('D')
  await expect(grade.getByRole('button', { name: 'Grade' })).toBeDisabled()
  await grade.getByRole('textbox', { name: 'Reason' }).fill('Second-hand figures, twice wrong')
  await grade.getByRole('button', { name: 'Grade' }).click()
  const history = details.getByRole('list', { name: 'Grade history of I. Marrow' })
  await expect(history.getByRole('listitem')).toHaveCount(1)
  await expect(history).toContainText('not graded → D')
  await expect(history).toContainText('Second-hand figures, twice wrong')
  await expect(list.getByRole('row', { name: /^I\. Marrow/ })).toContainText('D')
  await page.screenshot({ path: `${shots}/sources.png` })
  expect(await violations(page)).toEqual([])

  // Merge "I. Marrow" into "Ilse Marrow": the dialog says how many claims move.
  await details.getByRole('button', { name: 'Merge with…' }).click()
  const merge = page.getByRole('dialog', { name: 'Merge “I. Marrow” with another source' })
  await merge.getByRole('combobox', { name: 'The other source' }).selectOption('Ilse Marrow')
  await merge.getByRole('radio', { name: 'Ilse Marrow' }).check()
  await expect(merge.getByRole('status')).toContainText(
    '1 claim of “I. Marrow” will name “Ilse Marrow”'
  )
  expect(await violations(page)).toEqual([])
  await page.screenshot({ path: `${shots}/sources-merge.png` })
  await merge.getByRole('button', { name: 'Merge' }).click()
  await expect(list.locator('tbody tr[data-id]')).toHaveCount(2)
  const survivor = page.getByRole('complementary', { name: 'Source: Ilse Marrow' })
  await expect(survivor.getByRole('textbox', { name: 'Aliases, one per line' })).toHaveValue(
    'I. Marrow'
  )
  await expect(survivor).toContainText('2 claims')

  // The board names the survivor for both claims.
  await page.keyboard.press('Control+2')
  await expect.poll(() => column(page, 3)).toEqual(['Ilse Marrow', 'Ilse Marrow'])

  // Undo (Ctrl+Z, from the grid: in the filter it undoes typing) brings "I. Marrow" back
  // with its claim, and shows it in the registry.
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Control+z')
  await expect(list).toBeVisible()
  await expect(list.locator('tbody tr[data-id]')).toHaveCount(3)
  await expect(page.getByRole('complementary', { name: 'Source: I. Marrow' })).toContainText(
    '1 claim'
  )
  await page.keyboard.press('Control+2')
  await expect.poll(() => column(page, 3)).toEqual(['I. Marrow', 'Ilse Marrow'])

  // A source that claims name is not deleted: the core says why. An unused one is, undoably.
  await page.keyboard.press('Control+3')
  await list.getByRole('row', { name: /^Ilse Marrow/ }).click()
  await page
    .getByRole('complementary', { name: 'Source: Ilse Marrow' })
    .getByRole('button', { name: 'Delete source' })
    .click()
  await expect(page.getByRole('alert')).toContainText('1 claim names this source')
  await list.getByRole('row', { name: /^Unused Gazette/ }).click()
  await page
    .getByRole('complementary', { name: 'Source: Unused Gazette' })
    .getByRole('button', { name: 'Delete source' })
    .click()
  await expect(list.locator('tbody tr[data-id]')).toHaveCount(2)
  await page.keyboard.press('Control+z')
  await expect(list.getByRole('row', { name: /^Unused Gazette/ })).toBeVisible()

  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await violations(page)).toEqual([])
  await page.screenshot({ path: `${shots}/sources-dark.png` })
})

test('a filter over 600 claims shows the first rows found, counts the rest in idle time, and End reaches the last', async ({
  page,
  host
}) => {
  const title = 'Berth Register, Six Hundred Entries'
  const entry = (n: number): string =>
    `Entry ${n}: ${n % 3 === 0 ? 'the cranes stood idle' : 'the ships waited'} at berth ${n}.`
  const numbers = Array.from({ length: 600 }, (_, i) => i + 1)
  const review = await importSamples(page, host.url, ['summit-talks.txt'])
  await review.getByRole('button', { name: 'Close' }).click()
  await importText(page, [
    { name: 'register.txt', text: [title, ...numbers.map(entry)].join('\n') }
  ])
  await seedClaims(
    page,
    [],
    numbers.map((n) => ({ title, quote: entry(n) }))
  )

  await page.getByRole('button', { name: 'Claims board' }).click()
  const board = page.getByRole('grid', { name: 'Claims' })
  await expect(page.getByText('600 claims', { exact: true })).toBeVisible()
  await expect(board).toHaveAttribute('aria-rowcount', '601')
  // By passage, A to Z, so the order is known: "Entry 10:…" before "Entry 1:…".
  await board.getByRole('button', { name: 'Passage' }).click()
  const cranes = numbers
    .filter((n) => n % 3 === 0)
    .map(entry)
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
  const filter = page.getByRole('searchbox', { name: 'Filter claims' })
  await filter.fill('cranes')
  // Every third entry, each once: the count is exact once idle time has counted them all.
  await expect(page.getByText('200 of 600 claims', { exact: true })).toBeVisible()
  await expect(board).toHaveAttribute('aria-rowcount', '201')
  await expect(page.locator('.view-count')).toHaveAttribute('aria-busy', 'false')
  const passages = await column(page, 1)
  expect(passages.length).toBeGreaterThan(10)
  expect(passages.length).toBeLessThan(200)
  expect(passages).toEqual(cranes.slice(0, passages.length))

  // Narrowed on from the earlier results: "cranes stood idle at berth 3" matches 3, 30–39
  // (those of them that are cranes), 300–399.
  await filter.fill('cranes stood idle at berth 3')
  const expected = numbers.filter((n) => n % 3 === 0 && String(n).startsWith('3')).length
  await expect(page.getByText(`${expected} of 600 claims`, { exact: true })).toBeVisible()

  // The keyboard reaches the last claim found, wherever the count stands.
  await filter.fill('cranes')
  await filter.focus()
  await page.keyboard.press('ArrowDown')
  await expect(board.locator('[role="row"][data-id]:focus')).toHaveAttribute('aria-rowindex', '2')
  await page.keyboard.press('End')
  await expect(board.locator('[role="row"][data-id]:focus')).toHaveAttribute('aria-rowindex', '201')
  await page.keyboard.press('ArrowUp')
  await expect(board.locator('[role="row"][data-id]:focus')).toHaveAttribute('aria-rowindex', '200')
  await expect(board.locator('[role="row"][data-id]:focus')).toHaveAttribute(
    'aria-label',
    new RegExp(`^${cranes[198]!.replace('.', '\\.')}`)
  )
})
