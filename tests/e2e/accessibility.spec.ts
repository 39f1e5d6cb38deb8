import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, importSamples, selectQuote, shots, test } from './fixtures'

/** WCAG 2.1 A and AA rules, checked by axe on the page as it is now. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
  )
}

test('the workbench passes axe’s WCAG 2.1 AA checks in its main states', async ({ page, host }) => {
  const review = await importSamples(page, host.url, [
    'harbor-strike-wire.txt',
    'harbor-strike-opinion.txt'
  ])
  expect(await violations(page)).toEqual([])
  await review.getByRole('button', { name: 'Close' }).click()

  const wire = 'Port of Velmora Strike Enters Third Day as Talks Stall'
  await page.getByRole('row', { name: new RegExp(wire) }).dblclick()
  await page
    .getByRole('row', { name: /Not Really About Cranes/ })
    .dblclick({ modifiers: ['Shift'] })
  await selectQuote(page, wire, 'roughly 2,400 workers')
  await page.keyboard.press('h')
  await expect(page.getByRole('region', { name: 'Selected highlight' })).toBeVisible()
  await page.keyboard.press('Control+f')
  expect(await violations(page)).toEqual([])

  // The dark theme follows the system, and keeps its contrast.
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await violations(page)).toEqual([])
  await page.screenshot({ path: `${shots}/dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })

  await page.getByRole('button', { name: `Details of ${wire}` }).click()
  await expect(page.getByRole('dialog')).toBeVisible()
  expect(await violations(page)).toEqual([])
})

test('every control can be reached and used from the keyboard', async ({ page, host }) => {
  const review = await importSamples(page, host.url, ['harbor-strike-wire.txt'])
  await page.keyboard.press('Enter') // the review's Close button has focus
  await expect(review).toBeHidden()
  // Tab into the library table, open the article with Enter, then tab to its text.
  const row = page.getByRole('row', { name: /Port of Velmora/ })
  for (let i = 0; i < 30 && !(await row.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(row).toBeFocused()
  await page.keyboard.press('Enter')
  const pane = page.getByRole('article', { name: /Port of Velmora/ })
  await expect(pane).toBeVisible()
  const text = pane.getByLabel(/^Text of/)
  for (let i = 0; i < 30 && !(await text.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab')
  await expect(text).toBeFocused()
  // Every focusable control has an accessible name.
  const unnamed = await page.evaluate(() =>
    [
      ...document.querySelectorAll<HTMLElement>(
        'button, input, select, textarea, [tabindex="0"], [role="separator"]'
      )
    ]
      .filter((el) => !el.hidden && el.getAttribute('type') !== 'file')
      .filter(
        (el) =>
          !(
            el.getAttribute('aria-label') ||
            el.textContent?.trim() ||
            el.getAttribute('title') ||
            (el as HTMLInputElement).labels?.length
          )
      )
      .map((el) => el.outerHTML.slice(0, 80))
  )
  expect(unnamed).toEqual([])
})
