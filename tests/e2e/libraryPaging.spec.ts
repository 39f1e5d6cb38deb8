import type { Page } from '@playwright/test'
import type { WindowApi } from '../../src/shared/hostEvents'
import { expect, test } from './fixtures'

/** More rows than three of the table's pages (200 rows each), so most are never loaded. */
const COUNT = 650

/** `Report 0001` … `Report 0650`; every 50th is also about the harbour. */
const titleOf = (n: number): string =>
  `Report ${String(n).padStart(4, '0')}${n % 50 === 0 ? ' harbour' : ''}`

/** Imports the articles through the page's API, as the file picker would, 250 a call. */
async function fillLibrary(page: Page): Promise<void> {
  const files = Array.from({ length: COUNT }, (_, i) => ({
    name: `r${i + 1}.txt`,
    dataBase64: Buffer.from(`${titleOf(i + 1)}\n\nBody of report ${i + 1}.`).toString('base64')
  }))
  await page.evaluate(async (all) => {
    const api = (window as unknown as { api: WindowApi }).api
    for (let at = 0; at < all.length; at += 250) {
      const result = await api.importFiles({ files: all.slice(at, at + 250) })
      if (!result.ok) throw new Error(result.error.message)
    }
  }, files)
}

test('a library of several pages: scrolled to the end, sorted, filtered, selected across pages and trashed whole', async ({
  page,
  host
}) => {
  await page.goto(host.url)
  await fillLibrary(page)
  const methods: string[] = []
  page.on('request', (request) => {
    const match = /\/api\/(\w+)/.exec(request.url())
    if (match) methods.push(match[1]!)
  })
  await page.reload()
  const count = page.locator('.library-count')
  await expect(count).toHaveText(`${COUNT} articles`)
  const grid = page.getByRole('grid', { name: 'Articles' })
  const rows = grid.locator('tbody tr[data-id]')
  // The table asks for pages of rows; nothing asks for every article's metadata.
  expect(methods).toContain('listArticleWindow')
  expect(methods).not.toContain('listArticles')
  expect(await rows.count()).toBeLessThan(100)

  // Sorted by title: End goes to the last article, though its page was never loaded.
  await grid.getByRole('button', { name: 'Title' }).click()
  await expect(grid.getByRole('columnheader', { name: 'Title' })).toHaveAttribute(
    'aria-sort',
    'ascending'
  )
  await expect(rows.first()).toHaveAttribute('aria-label', /^Report 0001,/)
  await rows.first().click()
  await page.keyboard.press('End')
  const last = grid.getByRole('row', { name: /^Report 0650 harbour,/ })
  await expect(last).toBeFocused()
  await expect(last).toHaveAttribute('aria-selected', 'true')
  await expect(last).toHaveAttribute('aria-rowindex', String(COUNT + 1))
  await page.keyboard.press('ArrowUp')
  await expect(grid.getByRole('row', { name: /^Report 0649,/ })).toBeFocused()
  await page.keyboard.press('Home')
  await expect(grid.getByRole('row', { name: /^Report 0001,/ })).toBeFocused()

  // Shift-click from the first row to one four hundred rows down selects them all.
  await grid.evaluate((table) => (table.parentElement!.scrollTop = 399 * 28))
  const far = grid.getByRole('row', { name: /^Report 0400 harbour,/ })
  await far.click({ modifiers: ['Shift'] })
  await expect(count).toHaveText(`${COUNT} articles · 400 selected`)

  // The other way round, scrolled to the bottom by hand.
  await grid.getByRole('button', { name: 'Title' }).click()
  await expect(grid.getByRole('columnheader', { name: 'Title' })).toHaveAttribute(
    'aria-sort',
    'descending'
  )
  // The table stays where it was scrolled; at its top is now the last title.
  await grid.evaluate((table) => (table.parentElement!.scrollTop = 0))
  await expect(grid.getByRole('row', { name: /^Report 0650 harbour,/ })).toHaveAttribute(
    'aria-rowindex',
    '2'
  )
  // The anchor, Report 0001, is now the last row, in a page not loaded since the sort:
  // Shift-click still selects from it.
  await grid.getByRole('row', { name: /^Report 0640,/ }).click({ modifiers: ['Shift'] })
  await expect(count).toHaveText(`${COUNT} articles · 640 selected`)
  await grid.evaluate((table) => (table.parentElement!.scrollTop = table.scrollHeight))
  await expect(grid.getByRole('row', { name: /^Report 0001,/ })).toBeVisible()
  await expect(grid.getByRole('row', { name: /^Report 0001,/ })).toHaveAttribute(
    'aria-selected',
    'true'
  )

  // The filter asks the core: 13 harbour reports of 650, newest title first.
  const filter = page.getByRole('searchbox', { name: 'Filter articles' })
  await filter.fill('HARBOUR')
  await expect(count).toHaveText(`13 of ${COUNT} articles · 12 selected`)
  await expect(rows).toHaveCount(13)
  await expect(rows.first()).toHaveAttribute('aria-label', /^Report 0650 harbour,/)
  await filter.fill('')
  await expect(count).toHaveText(`${COUNT} articles · 12 selected`)

  // Select all takes rows never loaded; Move to Trash moves every one of them.
  await rows.first().click()
  await page.keyboard.press('Control+a')
  await expect(count).toHaveText(`${COUNT} articles · ${COUNT} selected`)
  await page.getByRole('button', { name: 'Move to Trash' }).click()
  await expect(page.getByRole('button', { name: `Trash (${COUNT})` })).toBeVisible()
  await page.getByRole('button', { name: `Trash (${COUNT})` }).click()
  await expect(count).toHaveText(`${COUNT} articles`)
  await expect(page.getByRole('grid', { name: 'Articles in the Trash' })).toBeVisible()
})
