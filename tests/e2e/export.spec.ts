import AxeBuilder from '@axe-core/playwright'
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
  await expect(page.getByText('2 articles', { exact: true })).toBeVisible()

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
  await expect(page.getByText('2 articles', { exact: true })).toBeVisible()
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

test('the library’s context menu exports the articles it opens on: right-click, Shift+F10, the menu key', async ({
  page,
  host
}) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.goto(host.url)
  await importText(page, ARTICLES)
  const library = page.getByRole('region', { name: 'Library' })
  const wire = library.getByRole('row', { name: /^Port strike/ })
  const memo = library.getByRole('row', { name: /Leaked memo/ })

  // Right-click: the menu opens on its first item; Esc closes it and the row has the focus.
  await memo.click({ button: 'right' })
  const menu = page.getByRole('menu', { name: 'Article' })
  await expect(menu.getByRole('menuitem')).toHaveText([
    'Open',
    'Open side by side',
    'Export…',
    'Details…',
    'Move to Trash'
  ])
  await expect(menu.getByRole('menuitem', { name: 'Open', exact: true })).toBeFocused()
  await expect(memo).toHaveAttribute('aria-selected', 'true')
  await page.screenshot({ path: `${shots}/library-context-menu.png` })
  const axe = await new AxeBuilder({ page })
    .include('[role="menu"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(axe.violations.map((v) => v.id)).toEqual([])
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(memo).toBeFocused()

  // Shift+F10 on another row: that row alone; ↓ ↓ Enter is Export…, scoped to it.
  await wire.click()
  await page.keyboard.press('Shift+F10')
  await expect(menu).toBeVisible()
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('ArrowDown')
  await expect(menu.getByRole('menuitem', { name: 'Export…' })).toBeFocused()
  await page.keyboard.press('Enter')
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await expect(dialog.getByRole('radio', { name: 'The selected articles (1)' })).toBeChecked()
  await dialog.getByRole('radio', { name: /^Markdown/ }).check()
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const markdown = await readFile(await (await download).path(), 'utf8')
  expect(markdown).toContain('# Port strike enters third day')
  expect(markdown).not.toContain('Leaked memo')

  // Both selected, the context-menu key: the menu is for the selection.
  await wire.click()
  await memo.click({ modifiers: ['Shift'] })
  await page.keyboard.press('ContextMenu')
  const both = page.getByRole('menu', { name: '2 articles' })
  await expect(both.getByRole('menuitem', { name: 'Details…' })).toHaveAttribute(
    'aria-disabled',
    'true'
  )
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: `${shots}/library-context-menu-dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })
  await both.getByRole('menuitem', { name: 'Export 2 articles…' }).click()
  await expect(dialog.getByRole('radio', { name: 'The selected articles (2)' })).toBeChecked()
})

test('the HTML report prints cleanly: Chromium’s PDF of its print styles', async ({
  page,
  host,
  browser
}) => {
  await page.goto(host.url)
  await importText(page, ARTICLES)
  const report = await exportAs(page, 'HTML report')
  // In its own page, as a browser opens the downloaded file: print media, then a PDF.
  const printed = await browser.newPage()
  try {
    await printed.setContent(report.text)
    await printed.emulateMedia({ media: 'print' })
    const styles = await printed.evaluate(() => {
      const style = (selector: string): CSSStyleDeclaration =>
        getComputedStyle(document.querySelector(selector)!)
      return {
        nav: style('nav').display,
        article: style('article h2').breakBefore,
        legend: style('h2.first').breakBefore,
        mark: document.querySelector('mark') ? style('mark').printColorAdjust : 'exact'
      }
    })
    expect(styles).toEqual({ nav: 'none', article: 'page', legend: 'auto', mark: 'exact' })
    const pdf = await printed.pdf({ format: 'A4', printBackground: true })
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
    // Legend and claims, then each article from a page of its own.
    const pages = pdf.toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []
    expect(pages.length).toBeGreaterThanOrEqual(3)
  } finally {
    await printed.close()
  }
})
