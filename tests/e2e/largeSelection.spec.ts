import type { Page } from '@playwright/test'
import type { WindowApi } from '../../src/shared/hostEvents'
import { expect, test } from './fixtures'

/** One more than a call of the API takes (`MAX_IDS_PER_CALL`): select all needs two calls. */
const COUNT = 10_001

/** Imports tiny articles through the page's API, as the file picker would, 1,000 a call. */
async function fillLibrary(page: Page): Promise<void> {
  await page.evaluate(async (count) => {
    const api = (window as unknown as { api: WindowApi }).api
    for (let at = 0; at < count; at += 1000) {
      const files = Array.from({ length: Math.min(1000, count - at) }, (_, i) => ({
        name: `n${at + i}.txt`,
        dataBase64: btoa(`Note ${at + i}\n\nBody ${at + i}.`)
      }))
      const result = await api.importFiles({ files })
      if (!result.ok) throw new Error(result.error.message)
    }
  }, COUNT)
}

test('select all of more articles than one call takes: moved to the Trash and back in one undo step, narrowed by a filter; Export says its limit', async ({
  page,
  host
}) => {
  test.setTimeout(240_000)
  await page.goto(host.url)
  await fillLibrary(page)
  await page.reload()
  const count = page.locator('.library-count')
  await expect(count).toHaveText('10,001 articles', { timeout: 30_000 })
  const grid = page.getByRole('grid', { name: 'Articles' })
  await grid.locator('tbody tr[data-id]').first().click()
  await page.keyboard.press('Control+a')
  await expect(count).toHaveText('10,001 articles · 10,001 selected')

  // Export takes 10,000 at most: the dialog says so and does not start.
  await page.keyboard.press('Shift+F10')
  await page.getByRole('menuitem', { name: 'Export 10001 articles…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByRole('radio', { name: 'The selected articles (10,001)' })).toBeChecked()
  await expect(dialog.getByRole('alert')).toContainText('at most 10,000 selected articles')
  await expect(dialog.getByRole('button', { name: 'Export', exact: true })).toBeDisabled()
  await dialog.getByRole('button', { name: 'Cancel' }).click()

  await page.getByRole('button', { name: 'Move to Trash' }).click()
  await expect(page.getByRole('button', { name: `Trash (${COUNT})` })).toBeVisible({
    timeout: 60_000
  })
  await expect(page.getByText('Moved 10,001 articles to the Trash.')).toBeVisible()
  await expect(count).toHaveText('0 articles')

  // One undo step brings all of them back.
  await page.getByTitle('Undo (Ctrl+Z)').click()
  await expect(page.getByRole('button', { name: 'Trash (0)' })).toBeVisible({ timeout: 60_000 })
  await expect(count).toHaveText('10,001 articles')

  // A new filter keeps of the whole selection only those still in view (one `among` call).
  await grid.locator('tbody tr[data-id]').first().click()
  await page.keyboard.press('Control+a')
  await expect(count).toHaveText('10,001 articles · 10,001 selected')
  await page.getByRole('searchbox', { name: 'Filter articles' }).fill('Note 1000')
  await expect(count).toHaveText(/^([2-9]|\d\d+) of 10,001 articles · \1 selected$/)
})
