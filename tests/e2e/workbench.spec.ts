import type { Page } from '@playwright/test'
import { expect, importSamples, paintedText, selectQuote, shots, test } from './fixtures'

/** Drags the mouse across `exact` in the pane named `title`, as an analyst selects text. */
async function dragAcross(page: Page, title: string, exact: string): Promise<void> {
  const box = await page.getByRole('article', { name: title }).evaluate((pane, quote) => {
    for (const span of pane.querySelectorAll<HTMLElement>('span[data-o]')) {
      const node = span.firstChild as Text
      const at = node.data.indexOf(quote)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + 1)
      const first = range.getBoundingClientRect()
      range.setStart(node, at + quote.length - 1)
      range.setEnd(node, at + quote.length)
      const last = range.getBoundingClientRect()
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2
      }
    }
    throw new Error(`"${quote}" is not in the pane`)
  }, exact)
  await page.mouse.move(box.x1, box.y1)
  await page.mouse.down()
  await page.mouse.move(box.x2, box.y2, { steps: 8 })
  await page.mouse.up()
}

test('import, read side by side, highlight, survive a restart, undo and delete', async ({
  page,
  host
}) => {
  const review = await importSamples(page, host.url, [
    'harbor-strike-wire.txt',
    'harbor-strike-opinion.txt',
    'leaders-talks-ukraine-gaza.txt'
  ])
  await expect(review).toContainText('3 imported')
  await page.screenshot({ path: `${shots}/import-review.png` })
  await review.getByRole('button', { name: 'Close' }).click()

  const wire = 'Port of Velmora Strike Enters Third Day as Talks Stall'
  const opinion = 'The Velmora Strike Is Not Really About Cranes'
  await page.getByRole('row', { name: new RegExp(wire) }).dblclick()
  await page.getByRole('row', { name: new RegExp(opinion) }).click()
  await page.keyboard.press('Shift+Enter')
  await expect(page.getByRole('article')).toHaveCount(2)
  await expect(page.getByRole('article', { name: wire })).toContainText(
    'Dock workers at the Port of Velmora'
  )

  // A sentence selected with the mouse, highlighted with H.
  const panel = page.getByRole('list', { name: `Highlights in ${wire}` })
  await dragAcross(page, wire, 'The union says roughly 2,400 workers have joined the stoppage.')
  await page.keyboard.press('h')
  await expect(panel.getByRole('listitem')).toHaveCount(1)
  // An overlapping passage in another colour, with the Highlight button by the selection.
  await selectQuote(page, wire, '2,400 workers')
  await page.keyboard.press('4')
  await page.getByRole('button', { name: 'Highlight', exact: true }).click()
  await expect(panel.getByRole('listitem')).toHaveCount(2)
  await page.screenshot({ path: `${shots}/side-by-side.png` })

  await page.keyboard.press('Control+z')
  await expect(panel.getByRole('listitem')).toHaveCount(1)
  await page.keyboard.press('Control+Shift+z')
  await expect(panel.getByRole('listitem')).toHaveCount(2)

  await expect(page.locator('[data-workspace-saved="true"]')).toBeVisible()
  await host.restart()
  await page.goto(host.url)
  await expect(page.getByRole('article')).toHaveCount(2)
  await expect(panel.getByRole('listitem')).toHaveCount(2)
  await expect(
    panel.getByRole('button', {
      name: 'Key point: The union says roughly 2,400 workers have joined the stoppage.'
    })
  ).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Dispute: 2,400 workers' })).toBeVisible()
  await expect
    .poll(() => paintedText(page, 'c1'))
    .toEqual(['The union says roughly 2,400 workers have joined the stoppage.'])
  await expect.poll(() => paintedText(page, 'c4')).toEqual(['2,400 workers'])

  // Clicking the highlighted passage in the text selects both overlapping highlights.
  const word = await page.getByRole('article', { name: wire }).evaluate((pane) => {
    for (const span of pane.querySelectorAll<HTMLElement>('span[data-o]')) {
      const node = span.firstChild as Text
      const at = node.data.indexOf('2,400 workers')
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at + 2)
      range.setEnd(node, at + 3)
      const rect = range.getBoundingClientRect()
      return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
    }
    throw new Error('not found')
  })
  await page.mouse.click(word.x, word.y)
  const card = page.getByRole('region', { name: 'Selected highlight' })
  await expect(card.locator('blockquote')).toHaveCount(2)

  await panel.getByRole('button', { name: 'Dispute: 2,400 workers' }).click()
  await expect(card.locator('blockquote')).toHaveCount(1)
  await page.keyboard.press('Delete')
  await expect(panel.getByRole('listitem')).toHaveCount(1)
  await page.screenshot({ path: `${shots}/after-delete.png` })
})
