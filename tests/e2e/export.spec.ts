import { readFile } from 'node:fs/promises'
import type { Page } from '@playwright/test'
import { expect, importText, shots, test } from './fixtures'

const ARTICLES = [
  {
    name: 'wire.txt',
    text: 'Port strike enters third day\n\nThe union says roughly 2,400 workers walked out 🚢.'
  },
  {
    name: 'memo.txt',
    text: '<script>alert(1)</script> Leaked memo\n\n=HYPERLINK("http://x") and <img src=x onerror=alert(1)>.'
  }
]

/** Opens Export…, picks a format, exports, and returns the downloaded file's name and text. */
async function exportAs(page: Page, format: string): Promise<{ name: string; text: string }> {
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByRole('radio', { name: new RegExp(`^${format}`) }).check()
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const file = await download
  const path = await file.path()
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') }
}

test('Export… downloads the report, Markdown and a backup, and the backup restores by merging', async ({
  page,
  host
}) => {
  await page.goto(host.url)
  await importText(page, ARTICLES)
  await expect(page.getByText('2 articles')).toBeVisible()

  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByRole('radio', { name: /^The whole library/ })).toBeChecked()
  await page.screenshot({ path: `${shots}/export-dialog.png` })
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await expect(dialog).toBeHidden()

  const report = await exportAs(page, 'HTML report')
  expect(report.name).toBe('Dossier library.html')
  expect(report.text).toMatch(/^<!doctype html>/)
  expect(report.text).toContain('Port strike enters third day')
  expect(report.text).not.toContain('<script>alert(1)')
  expect(report.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  await expect(page.getByRole('status').filter({ hasText: 'Exported 2 articles' })).toBeVisible()

  const markdown = await exportAs(page, 'Markdown')
  expect(markdown.name).toBe('Dossier library.md')
  expect(markdown.text).toContain('# Port strike enters third day')
  expect(markdown.text).toContain('# \\<script\\>alert(1)\\</script\\> Leaked memo')

  const backup = await exportAs(page, 'JSON backup')
  expect(backup.name).toBe('Dossier library backup.json')
  expect(JSON.parse(backup.text)).toMatchObject({ kind: 'dossier-backup', scope: 'library' })

  // The keyboard opens it too; Restore from backup… merges the backup back: nothing doubles.
  await page.locator('body').click()
  await page.keyboard.press('Control+Shift+E')
  await dialog.getByRole('button', { name: 'Restore from backup…' }).click()
  const restore = page.getByRole('dialog', { name: 'Restore from backup' })
  await expect(restore.getByRole('radio', { name: /^Merge into this library/ })).toBeChecked()
  await expect(restore.getByRole('radio', { name: /^Restore exactly/ })).toBeDisabled()
  await restore.locator('input[type=file]').setInputFiles({
    name: 'backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(backup.text)
  })
  await restore.getByRole('button', { name: 'Restore', exact: true }).click()
  await expect(restore).toContainText('Already the same: 2 articles')
  await expect(restore).toContainText('Added: nothing')
  await page.screenshot({ path: `${shots}/restore-summary.png` })
  await restore.getByRole('button', { name: 'Done' }).click()
  await expect(page.getByText('2 articles')).toBeVisible()
})

test('a refused backup says why and changes nothing', async ({ page, host }) => {
  await page.goto(host.url)
  await importText(page, ARTICLES.slice(0, 1))
  await page.getByRole('button', { name: 'Export…' }).click()
  await page
    .getByRole('dialog', { name: 'Export' })
    .getByRole('button', { name: 'Restore from backup…' })
    .click()
  const restore = page.getByRole('dialog', { name: 'Restore from backup' })
  await restore.locator('input[type=file]').setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"articles": []}')
  })
  await restore.getByRole('button', { name: 'Restore', exact: true }).click()
  await expect(restore.getByRole('alert')).toContainText('notes.json is not a Dossier backup')
  await restore.getByRole('button', { name: 'Cancel' }).click()
  await expect(page.getByText('1 article')).toBeVisible()
})
