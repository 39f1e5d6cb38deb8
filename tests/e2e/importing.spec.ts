import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { articles, expect, importSamples, shots, test } from './fixtures'

test('a thousand files import in batches with progress, and Cancel keeps what was imported', async ({
  page,
  host
}) => {
  await page.goto(host.url)
  const files = Array.from({ length: 1000 }, (_, i) => ({
    name: `report-${String(i).padStart(4, '0')}.txt`,
    mimeType: 'text/plain',
    buffer: Buffer.from(
      `Field report ${i}\n\n${'Observed traffic at the northern gate. '.repeat(20)}${i}`
    )
  }))
  await page.getByRole('button', { name: 'Import…' }).click()
  await page.locator('input[type=file]').setInputFiles(files)
  const progress = page.getByRole('status', { name: 'Import progress' })
  await expect(progress).toContainText(/Importing \d[\d,]* of 1,000 files/)
  await page.screenshot({ path: `${shots}/import-progress.png` })
  await progress.getByRole('button', { name: 'Cancel import' }).click()
  const review = page.getByRole('dialog', { name: 'Import cancelled' })
  await expect(review).toContainText('the rest was not imported')
  const imported = Number((await review.textContent())!.match(/(\d+) imported/)![1])
  expect(imported).toBeGreaterThan(0)
  expect(imported).toBeLessThan(1000)
  await review.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByText(`${imported} articles`, { exact: true })).toBeVisible()
})

test('a wrongly guessed encoding can be changed from the review, replacing the article', async ({
  page,
  host
}) => {
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Import…' }).click()
  await page
    .locator('input[type=file]')
    .setInputFiles(resolve(articles, 'velmora-cafes.cp1252.txt'))
  const review = page.getByRole('dialog', { name: 'Import finished' })
  await expect(review).toContainText('windows-1252')
  await review.getByRole('button', { name: 'Wrong characters? Choose another encoding…' }).click()
  const select = review.getByRole('combobox', { name: 'Encoding for velmora-cafes.cp1252.txt' })
  await expect(select).toHaveValue('windows-1252')
  const preview = review.getByLabel(/Text of velmora-cafes.cp1252.txt decoded as/)
  await expect(preview).toContainText('€')
  const other = await select
    .locator('option')
    .evaluateAll((options) =>
      options.map((o) => (o as HTMLOptionElement).value).find((v) => v !== 'windows-1252')
    )
  expect(other).toBeTruthy()
  await select.selectOption(other!)
  await expect(preview).toHaveAccessibleName(`Text of velmora-cafes.cp1252.txt decoded as ${other}`)
  await page.screenshot({ path: `${shots}/encoding-chooser.png` })
  await review.getByRole('button', { name: `Re-import as ${other}` }).click()
  await expect(review.locator('.outcome.imported')).toContainText(other!)
  await review.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('button', { name: 'Trash (1)' })).toBeVisible()
})

test('pasted text becomes an article with paste as its provenance', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Paste as article' }).click()
  const dialog = page.getByRole('dialog', { name: 'New article from pasted text' })
  await dialog.getByRole('textbox', { name: 'Title' }).fill('Minister’s statement')
  const wire = await readFile(resolve(articles, 'harbor-strike-wire.txt'), 'utf8')
  await dialog.getByRole('textbox', { name: 'Text' }).fill(wire)
  await dialog.getByRole('button', { name: 'Import' }).click()
  const review = page.getByRole('dialog', { name: 'Import finished' })
  await expect(review).toContainText('1 imported')
  await review.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('row', { name: /Minister’s statement/ }).dblclick()
  await expect(page.getByRole('article', { name: 'Minister’s statement' })).toContainText(
    'Dock workers at the Port of Velmora'
  )
  await page.getByRole('button', { name: 'Details of Minister’s statement' }).click()
  const details = page.getByRole('dialog', { name: 'Details of “Minister’s statement”' })
  await expect(details.locator('dt', { hasText: 'Came from' }).locator('+ dd')).toHaveText(
    'Pasted text'
  )
})

test('metadata is editable from the keyboard, with the evidence of where the text came from', async ({
  page,
  host
}) => {
  const review = await importSamples(page, host.url, ['harbor-strike-opinion.txt'])
  await review.getByRole('button', { name: 'Close' }).click()
  const title = 'The Velmora Strike Is Not Really About Cranes'
  await page.getByRole('row', { name: new RegExp(title) }).click()
  await page.keyboard.press('Alt+Enter')
  const details = page.getByRole('dialog', { name: `Details of “${title}”` })
  await expect(details).toContainText('harbor-strike-opinion.txt')
  await expect(details).toContainText('utf-8')
  await expect(details).toContainText(/[0-9a-f]{64}/)
  await details.getByRole('textbox', { name: 'Source or outlet' }).fill('Velmora Ledger')
  await details.getByRole('textbox', { name: 'Author' }).fill('Opinion desk')
  await details.getByRole('textbox', { name: 'Tags' }).fill('strike, opinion, strike')
  await page.screenshot({ path: `${shots}/details.png` })
  await details.getByRole('button', { name: 'Save' }).click()
  await expect(details).toBeHidden()
  const row = page.getByRole('row', { name: new RegExp(title) })
  await expect(row).toContainText('Velmora Ledger')
  await expect(row).toContainText('strike, opinion')
  await page.getByRole('combobox', { name: 'Filter by tag' }).selectOption('opinion')
  await expect(page.getByRole('grid', { name: 'Articles' }).locator('tbody tr')).toHaveCount(1)
})

test('files dropped onto the window are imported', async ({ page, host }) => {
  await page.goto(host.url)
  const wire = await readFile(resolve(articles, 'harbor-strike-wire.txt'))
  const transfer = await page.evaluateHandle(
    (bytes) => {
      const data = new DataTransfer()
      data.items.add(
        new File([new Uint8Array(bytes)], 'harbor-strike-wire.txt', { type: 'text/plain' })
      )
      data.items.add(
        new File(['Dropped note\n\nSecond file of the drop.'], 'note.txt', { type: 'text/plain' })
      )
      return data
    },
    [...wire]
  )
  const app = page.locator('.app')
  await app.dispatchEvent('dragover', { dataTransfer: transfer })
  await expect(page.getByText('Drop files or folders to import them')).toBeVisible()
  await app.dispatchEvent('drop', { dataTransfer: transfer })
  const review = page.getByRole('dialog', { name: 'Import finished' })
  await expect(review).toContainText('2 imported')
  await review.getByRole('button', { name: 'Close' }).click()
  await expect(page.getByRole('row', { name: /Port of Velmora Strike/ })).toBeVisible()
  await expect(page.getByRole('row', { name: /Dropped note/ })).toBeVisible()
})
