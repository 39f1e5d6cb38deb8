import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { articles, expect, importSamples, importText, test } from './fixtures'

test('Published is read as a date (or said not to be), sorts by it; URLs must be http or https', async ({
  page,
  host
}) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.goto(host.url)
  await importText(page, [
    { name: 'early.txt', text: 'Early report\nFirst.' },
    { name: 'late.txt', text: 'Late report\nSecond.' }
  ])
  const grid = page.getByRole('grid', { name: 'Articles' })
  const edit = async (title: string, published: string, url = ''): Promise<void> => {
    await grid.getByRole('row', { name: new RegExp(title) }).click()
    await page.keyboard.press('Alt+Enter')
    const dialog = page.getByRole('dialog', { name: `Details of “${title}”` })
    await dialog.getByLabel('Published').fill(published)
    await dialog.getByLabel('URL').fill(url)
    await dialog.getByRole('button', { name: 'Save' }).click()
    await expect(dialog).toBeHidden()
  }
  await grid.getByRole('row', { name: /Late report/ }).click()
  await page.keyboard.press('Alt+Enter')
  const dialog = page.getByRole('dialog', { name: 'Details of “Late report”' })
  const published = dialog.getByLabel('Published')
  await published.fill('last Wednesday')
  await expect(dialog.getByRole('alert')).toContainText(
    '“last Wednesday” is not a date Dossier understands: use 2026-11-27, 27/11/2026'
  )
  await expect(published).toHaveAttribute('aria-invalid', 'true')
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled()
  await published.fill('November 27, 2026')
  await expect(dialog).toContainText('Read as 2026-11-27')
  await dialog.getByLabel('URL').fill('ftp://example.org/file')
  await expect(dialog.getByRole('alert')).toContainText('only http and https addresses are kept')
  await expect(dialog.getByRole('button', { name: 'Save' })).toBeDisabled()
  await dialog.getByLabel('URL').fill('https://example.org/late')
  await dialog.getByRole('button', { name: 'Save' }).click()
  await expect(dialog).toBeHidden()
  await edit('Early report', '31/12/2025')

  // The column shows the dates read; sorting by it puts 31/12/2025 before 27 Nov 2026.
  await grid.getByRole('button', { name: 'Published' }).click()
  const rows = grid.locator('tbody tr')
  await expect(rows.first()).toContainText('Early report')
  await expect(rows.first()).toContainText('2025-12-31')
  await expect(rows.last()).toContainText('2026-11-27')
  await grid.getByRole('button', { name: 'Published' }).click()
  await expect(rows.first()).toContainText('Late report')
  // The stored record keeps what was typed beside the date read from it.
  const file = JSON.parse(await readFile(join(host.dataDir, 'library.json'), 'utf8')) as {
    format: number
    articles: { title: string; publishedAt?: string; publishedDate?: string }[]
  }
  expect(file.format).toBe(3)
  expect(file.articles.find((a) => a.title === 'Late report')).toMatchObject({
    publishedAt: 'November 27, 2026',
    publishedDate: '2026-11-27'
  })
})

test('re-importing a file whose text is in the Trash offers to restore it', async ({
  page,
  host
}) => {
  await page.goto(host.url)
  const file = { name: 'gone.txt', text: 'Gone report\nThe harbour was closed.' }
  await importText(page, [file])
  const rows = page.getByRole('grid', { name: 'Articles' }).locator('tbody tr')
  await rows.filter({ hasText: 'Gone report' }).click()
  await page.keyboard.press('Delete')
  await expect(rows).toHaveCount(0)

  await page.getByRole('button', { name: 'Import…' }).click()
  await page.locator('input[type=file]').setInputFiles({
    name: 'gone-again.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from(file.text)
  })
  const review = page.getByRole('dialog', { name: 'Import finished' })
  await expect(review).toContainText('in the Trash')
  await expect(review).toContainText('“Gone report” is in the Trash.')
  await expect(review.getByRole('button', { name: /^Open / })).toHaveCount(0)
  await review.getByRole('button', { name: 'Restore and open it' }).click()
  await expect(review).toBeHidden()
  await expect(page.getByRole('article', { name: 'Gone report' })).toBeVisible()
  await expect(rows).toHaveCount(1)
  await expect(page.getByRole('button', { name: 'Trash (0)' })).toBeVisible()
})

test('Details offers the encoding chooser: the original file again, re-decoded, the old text to the Trash', async ({
  page,
  host
}) => {
  const review = await importSamples(page, host.url, ['velmora-cafes.cp1252.txt'])
  await review.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('row', { name: /Caf/ }).click()
  await page.keyboard.press('Alt+Enter')
  const details = page.getByRole('dialog', { name: /^Details of/ })
  await expect(details).toContainText('windows-1252 (76% sure)')
  const pick = details.getByLabel(/^Original file of/)
  // Another file is refused: its bytes are not the ones this article came from.
  await pick.setInputFiles(resolve(articles, 'summit-talks.txt'))
  await expect(details.getByRole('alert')).toContainText(
    '“summit-talks.txt” is not the file this article came from'
  )
  await pick.setInputFiles(resolve(articles, 'velmora-cafes.cp1252.txt'))
  const select = details.getByRole('combobox', { name: 'Encoding for velmora-cafes.cp1252.txt' })
  await expect(select).toHaveValue('windows-1252')
  const other = await select
    .locator('option')
    .evaluateAll((options) =>
      options.map((o) => (o as HTMLOptionElement).value).find((v) => v !== 'windows-1252')
    )
  await select.selectOption(other!)
  await details.getByRole('button', { name: `Re-import as ${other}` }).click()
  await expect(details).toBeHidden()
  await expect(page.getByRole('button', { name: 'Trash (1)' })).toBeVisible()
  await expect(page.getByRole('article')).toHaveCount(1)
  const file = JSON.parse(await readFile(join(host.dataDir, 'library.json'), 'utf8')) as {
    articles: { origin: { encoding: string }; deletedAt?: string }[]
  }
  expect(file.articles.find((a) => !a.deletedAt)?.origin.encoding).toBe(other)
})
