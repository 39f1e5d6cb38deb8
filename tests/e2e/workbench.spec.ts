import { resolve } from 'node:path'
import { expect, test } from '@playwright/test'
import type { Page } from '@playwright/test'
import { WebHostProcess } from './webHost'

const samples = resolve(import.meta.dirname, '../../../shared/samples')
const shots = resolve(import.meta.dirname, '../../test-results/screenshots')

/** Selects the exact passage `quote` inside the pane named `title`, as a mouse drag would. */
async function selectQuote(page: Page, title: string, quote: string): Promise<void> {
  await page.getByRole('article', { name: title }).evaluate((pane, exact) => {
    const spans = [...pane.querySelectorAll<HTMLElement>('span[data-o]')]
    for (const span of spans) {
      const node = span.firstChild as Text
      const at = node.data.indexOf(exact)
      if (at < 0) continue
      const range = document.createRange()
      range.setStart(node, at)
      range.setEnd(node, at + exact.length)
      const selection = window.getSelection()!
      selection.removeAllRanges()
      selection.addRange(range)
      return
    }
    throw new Error(`"${exact}" is not in the pane`)
  }, quote)
}

/** The text under each range painted on one highlight layer, as the reader shows it. */
function paintedText(page: Page, layer: string): Promise<string[]> {
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

test('import, read side by side, highlight, survive a restart, undo and delete', async ({
  page
}) => {
  const host = await WebHostProcess.start()
  try {
    await page.goto(host.url)
    await page.getByRole('button', { name: 'Import…' }).click()
    await page
      .locator('input[type=file]')
      .setInputFiles([
        resolve(samples, 'harbor-strike-wire.txt'),
        resolve(samples, 'harbor-strike-opinion.txt'),
        resolve(samples, 'leaders-talks-ukraine-gaza.txt')
      ])
    const review = page.getByRole('dialog', { name: 'Import finished' })
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

    const panel = page.getByRole('list', { name: `Highlights in ${wire}` })
    await selectQuote(page, wire, 'roughly 2,400 workers have joined the stoppage')
    await page.keyboard.press('h')
    await expect(panel.getByRole('listitem')).toHaveCount(1)
    await selectQuote(page, wire, '2,400 workers')
    await page.keyboard.press('4')
    await page.keyboard.press('h')
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
        name: /Key point: roughly 2,400 workers have joined the stoppage/
      })
    ).toBeVisible()
    await expect(panel.getByRole('button', { name: /Dispute: 2,400 workers/ })).toBeVisible()

    expect(await paintedText(page, 'c1')).toEqual([
      'roughly 2,400 workers have joined the stoppage'
    ])
    expect(await paintedText(page, 'c4')).toEqual(['2,400 workers'])

    await panel.getByRole('button', { name: /Dispute: 2,400 workers/ }).click()
    await page.keyboard.press('Delete')
    await expect(panel.getByRole('listitem')).toHaveCount(1)
    await page.screenshot({ path: `${shots}/after-delete.png` })
  } finally {
    await host.stop()
  }
})
