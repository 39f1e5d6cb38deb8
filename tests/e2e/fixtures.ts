import { resolve } from 'node:path'
import { expect, test as base } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import { WebHostProcess } from './webHost'

export { expect }
export const samples = resolve(import.meta.dirname, '../../../shared/samples')
export const shots = resolve(import.meta.dirname, '../../test-results/screenshots')

/** Every test gets its own `dossier web` process on a fresh library folder. */
export const test = base.extend<{ host: WebHostProcess }>({
  // Playwright requires a destructuring pattern here, even an empty one.
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const host = await WebHostProcess.start()
    await use(host)
    await host.stop()
  }
})

/** Selects the first occurrence of `exact` in the pane named `title`, as a drag would. */
export async function selectQuote(page: Page, title: string, exact: string): Promise<void> {
  await page.getByRole('article', { name: title }).evaluate((pane, quote) => {
    for (const span of pane.querySelectorAll<HTMLElement>('span[data-o]')) {
      const node = span.firstChild as Text
      const at = node.data.indexOf(quote)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + quote.length)
      window.getSelection()!.removeAllRanges()
      window.getSelection()!.addRange(range)
      return
    }
    throw new Error(`"${quote}" is not in the pane`)
  }, exact)
}

/** The text under each range painted on one highlight layer, as the reader shows it. */
export function paintedText(page: Page, layer: string): Promise<string[]> {
  return page.evaluate((name) => {
    const highlight = CSS.highlights.get(`dossier-${name}`)
    return [...(highlight ?? [])].map((r) => {
      const range = document.createRange()
      range.setStart(r.startContainer, r.startOffset)
      range.setEnd(r.endContainer, r.endOffset)
      return range.toString()
    })
  }, layer)
}

/** Opens the web host and picks sample files in the import dialog; returns the review. */
export async function importSamples(page: Page, url: string, names: string[]): Promise<Locator> {
  await page.goto(url)
  await page.getByRole('button', { name: 'Import…' }).click()
  await page.locator('input[type=file]').setInputFiles(names.map((name) => resolve(samples, name)))
  const review = page.getByRole('dialog', { name: 'Import finished' })
  await expect(review).toBeVisible()
  return review
}

/** Imports text files through the file picker and closes the review. */
export async function importText(
  page: Page,
  files: { name: string; text: string }[]
): Promise<void> {
  await page.getByRole('button', { name: 'Import…' }).click()
  await page.locator('input[type=file]').setInputFiles(
    files.map((f) => ({
      name: f.name,
      mimeType: 'text/plain',
      buffer: Buffer.from(f.text, 'utf8')
    }))
  )
  const review = page.getByRole('dialog', { name: 'Import finished' })
  await expect(review).toContainText(`${files.length} imported`)
  await review.getByRole('button', { name: 'Close' }).click()
}
