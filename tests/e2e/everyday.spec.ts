import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import type { WindowApi } from '../../src/shared/hostEvents'
import {
  articles,
  expect,
  importSamples,
  importText,
  libraryWithAHighlight,
  OPINION as opinion,
  openBoth,
  selectQuote,
  shots,
  test,
  WIRE as wire
} from './fixtures'

/** Three short articles, for what is about panes and the library rather than the text. */
const REPORTS = [
  { name: 'a.txt', text: 'Alpha report\n\nThe harbor was closed.' },
  { name: 'b.txt', text: 'Bravo report\n\nNothing about ports here.' },
  { name: 'c.txt', text: 'Charlie report\n\nA third text.' }
]

/** The stored highlights of the article titled `title`: quote and colour, in text order. */
function storedHighlights(page: Page, title: string): Promise<{ exact: string; color: number }[]> {
  return page.evaluate(async (wanted) => {
    const api = (window as unknown as { api: WindowApi }).api
    const [live, trashed] = await Promise.all([
      api.listArticles({}),
      api.listArticles({ trash: true })
    ])
    if (!live.ok || !trashed.ok) throw new Error('the API refused')
    const article = [...live.value, ...trashed.value].find((a) => a.title === wanted)
    if (!article) return []
    const list = await api.listAnnotations({ articleId: article.id })
    if (!list.ok) throw new Error(list.error.message)
    return list.value.map((a) => ({ exact: a.quote.exact, color: a.color }))
  }, title)
}

/** The titles of the articles in the library, or with `trash` in the Trash. */
function storedTitles(page: Page, trash = false): Promise<string[]> {
  return page.evaluate(async (inTrash) => {
    const api = (window as unknown as { api: WindowApi }).api
    const list = await api.listArticles({ trash: inTrash })
    if (!list.ok) throw new Error(list.error.message)
    return list.value.map((a) => a.title).sort()
  }, trash)
}

/** Every toast from now on, kept after it fades. */
async function recordToasts(page: Page): Promise<(text: string) => Promise<void>> {
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { toasts: string[] }).toasts = seen
    new MutationObserver(() => {
      for (const p of document.querySelectorAll('.messages p'))
        if (!seen.includes(p.textContent ?? '')) seen.push(p.textContent ?? '')
    }).observe(document.querySelector('.messages')!, {
      childList: true,
      subtree: true,
      characterData: true
    })
  })
  return (text) =>
    expect
      .poll(() => page.evaluate(() => (window as unknown as { toasts: string[] }).toasts))
      .toContainEqual(expect.stringContaining(text))
}

const activePane = (page: Page) => page.locator('article.pane.active')

test('a Ctrl+Z pressed while an article is on its way to the Trash undoes that move, not the step before', async ({
  page,
  host
}) => {
  await libraryWithAHighlight(page, host)
  const said = await recordToasts(page)
  await page.getByRole('row', { name: new RegExp(wire) }).click()
  // No wait between the keys: the move is still on its way when Ctrl+Z comes.
  await page.keyboard.press('Delete')
  await page.keyboard.press('Control+z')
  await said('Restored “Port of Velmora Strike Enters Third…” from the Trash')
  await expect.poll(() => storedTitles(page, true)).toEqual([])
  expect(await storedTitles(page)).toEqual([wire])
  // The highlight made before the move is still there: the undo took the move.
  expect(await storedHighlights(page, wire)).toHaveLength(1)
  // And the next Ctrl+Z reaches the highlight.
  await page.keyboard.press('Control+z')
  await expect.poll(() => storedHighlights(page, wire)).toEqual([])
})

test('undo shows the change in its article first, names it, offers Redo, and covers closed panes and the Trash', async ({
  page,
  host
}) => {
  // Every kind of step undone and redone: long on a busy machine.
  test.slow()
  await openBoth(page, host.url)
  const said = await recordToasts(page)
  await selectQuote(page, wire, 'roughly 2,400 workers')
  await page.keyboard.press('h')
  await expect
    .poll(() => storedHighlights(page, wire))
    .toEqual([{ exact: 'roughly 2,400 workers', color: 1 }])

  // Looking at the other pane, Ctrl+Z first brings the wire's pane forward, then removes it.
  await page.getByLabel(`Text of ${opinion}`).focus()
  await expect(activePane(page)).toHaveAccessibleName(opinion)
  await page.keyboard.press('Control+z')
  await expect(activePane(page)).toHaveAccessibleName(wire)
  await expect.poll(() => storedHighlights(page, wire)).toEqual([])
  await said('Removed highlight “roughly 2,400 workers” in “Port of Velmora Strike Enters Third…”')
  // The toast's Redo puts it back, and says so.
  await page.locator('.messages').getByRole('button', { name: 'Redo' }).click()
  await expect.poll(() => storedHighlights(page, wire)).toHaveLength(1)
  await said('Highlighted “roughly 2,400 workers” in “Port of Velmora Strike Enters Third…” again')

  // A closed article is opened again before its change is undone.
  await page.getByRole('button', { name: `Close ${wire}` }).click()
  await expect(page.getByRole('article')).toHaveCount(1)
  await page.keyboard.press('Control+z')
  await expect(page.getByRole('article', { name: wire })).toBeVisible()
  await expect(activePane(page)).toHaveAccessibleName(wire)
  await expect.poll(() => storedHighlights(page, wire)).toEqual([])
  await page.keyboard.press('Control+Shift+z')
  await expect.poll(() => storedHighlights(page, wire)).toHaveLength(1)

  // Moving to the Trash is undoable, and undoing it restores the article (into its pane)
  // with its highlight; only the next undo reaches the highlight.
  await page.getByRole('row', { name: new RegExp(wire) }).click()
  await page.keyboard.press('Delete')
  await expect.poll(() => storedTitles(page, true)).toEqual([wire])
  await said('Moved “Port of Velmora Strike Enters Third…” to the Trash.')
  await expect(page.getByRole('article', { name: wire })).toHaveCount(0)
  await page.keyboard.press('Control+z')
  await expect.poll(() => storedTitles(page, true)).toEqual([])
  await said('Restored “Port of Velmora Strike Enters Third…” from the Trash')
  await expect(page.getByRole('article', { name: wire })).toBeVisible()
  expect(await storedHighlights(page, wire)).toHaveLength(1)
  await page.keyboard.press('Control+z')
  await expect.poll(() => storedHighlights(page, wire)).toEqual([])
  // Restoring from the Trash is undoable too.
  await page.keyboard.press('Control+Shift+z')
  await page.keyboard.press('Control+Shift+z')
  await expect.poll(() => storedTitles(page, true)).toEqual([wire])
  await page.getByRole('button', { name: 'Trash (1)' }).click()
  await page.getByRole('row', { name: new RegExp(wire) }).click()
  await page.keyboard.press('r')
  await expect.poll(() => storedTitles(page, true)).toEqual([])
  await said('Restored “Port of Velmora Strike Enters Third…” from the Trash.')
  await page.keyboard.press('Control+z')
  await expect.poll(() => storedTitles(page, true)).toEqual([wire])
  await said('Moved “Port of Velmora Strike Enters Third…” back to the Trash')
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.screenshot({ path: `${shots}/undo-toast.png` })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: `${shots}/undo-toast-dark.png` })
})

test('annotations panel: arrows move focus and selection together; a new highlight is not recoloured', async ({
  page,
  host
}) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await openBoth(page, host.url)
  const quotes = ['Dock workers', 'roughly 2,400 workers', 'fewer than 1,100 employees']
  for (const quote of quotes) {
    await selectQuote(page, wire, quote)
    await page.keyboard.press('h')
  }
  // Choosing the next colour right after H leaves the new highlight as it was.
  await page.keyboard.press('4')
  await expect(page.getByRole('radio', { name: /Dispute/ })).toBeChecked()
  await expect
    .poll(() => storedHighlights(page, wire))
    .toEqual(quotes.map((exact) => ({ exact, color: 1 })))

  const list = page.getByRole('list', { name: `Highlights in ${wire}` })
  const row = (quote: string) => list.getByRole('button', { name: new RegExp(quote) })
  await row('Dock workers').click()
  await page.keyboard.press('ArrowDown')
  await expect(row('roughly 2,400')).toBeFocused()
  await expect(row('roughly 2,400')).toHaveAttribute('aria-current', 'true')
  await expect(row('Dock workers')).not.toHaveAttribute('aria-current', 'true')
  const card = page.getByRole('region', { name: 'Selected highlight' })
  await expect(card.locator('blockquote')).toContainText('roughly 2,400 workers')
  // The focus ring is drawn, and nothing around the row clips it.
  const ring = await row('roughly 2,400').evaluate((button) => ({
    outline: getComputedStyle(button).outlineStyle,
    width: getComputedStyle(button).outlineWidth,
    offset: getComputedStyle(button).outlineOffset,
    clipped: getComputedStyle(button.parentElement!).overflow
  }))
  expect(ring).toEqual({ outline: 'solid', width: '3px', offset: '-3px', clipped: 'visible' })
  await page.screenshot({ path: `${shots}/annotations-focus.png` })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.screenshot({ path: `${shots}/annotations-focus-dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })

  // The number keys and Delete act on the highlight the focus is on.
  await page.keyboard.press('3')
  await expect
    .poll(() => storedHighlights(page, wire))
    .toEqual([
      { exact: 'Dock workers', color: 1 },
      { exact: 'roughly 2,400 workers', color: 3 },
      { exact: 'fewer than 1,100 employees', color: 1 }
    ])
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Delete')
  await expect
    .poll(() => storedHighlights(page, wire))
    .toEqual([
      { exact: 'Dock workers', color: 1 },
      { exact: 'roughly 2,400 workers', color: 3 }
    ])
  // The next highlight takes the colour chosen before.
  await selectQuote(page, wire, 'Neither figure could be independently verified')
  await page.keyboard.press('h')
  await expect
    .poll(async () => (await storedHighlights(page, wire)).at(-1))
    .toEqual({
      exact: 'Neither figure could be independently verified',
      color: 4
    })
})

test('the keyboard lands somewhere sensible: after closing a pane, closing Find, choosing an encoding; paste goes to the text box', async ({
  page,
  host
}) => {
  // Three panes, a dialog and an import review: long on a busy machine.
  test.slow()
  await page.goto(host.url)
  await importText(page, REPORTS)
  const rows = page.getByRole('grid', { name: 'Articles' }).locator('tbody tr')
  await rows.filter({ hasText: 'Alpha' }).dblclick()
  await rows.filter({ hasText: 'Bravo' }).dblclick({ modifiers: ['Shift'] })
  await rows.filter({ hasText: 'Charlie' }).dblclick({ modifiers: ['Shift'] })
  await expect(page.getByRole('article')).toHaveCount(3)

  // Closing the middle pane from the keyboard: on to the next pane's text.
  await page.getByRole('button', { name: 'Close Bravo report' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('article')).toHaveCount(2)
  await expect(page.getByLabel('Text of Charlie report')).toBeFocused()
  // The last one closed: on to the one before.
  await page.getByRole('button', { name: 'Close Charlie report' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('Text of Alpha report')).toBeFocused()

  // Closing Find returns to the pane's text.
  await page.keyboard.press('Control+f')
  await page.keyboard.type('harbor')
  await page.keyboard.press('Escape')
  await expect(page.getByLabel('Text of Alpha report')).toBeFocused()

  // The paste dialog has the keyboard in the text box, and an article pasted into Title
  // goes to the text box with its lines.
  await page.keyboard.press('Control+Shift+v')
  const paste = page.getByRole('dialog', { name: 'New article from pasted text' })
  const text = paste.getByRole('textbox', { name: 'Text' })
  await expect(text).toBeFocused()
  const title = paste.getByRole('textbox', { name: 'Title' })
  await title.focus()
  await title.evaluate((input) => {
    const data = new DataTransfer()
    data.setData('text/plain', 'Pasted report\n\nFirst paragraph.\nSecond line.')
    input.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }))
  })
  await expect(text).toHaveValue('Pasted report\n\nFirst paragraph.\nSecond line.')
  await expect(title).toHaveValue('')
  await expect(text).toBeFocused()
  await page.keyboard.press('Escape')

  // "Choose another encoding…" hands the keyboard to the choice, and back to the review.
  await page.getByRole('button', { name: 'Import…' }).click()
  await page
    .locator('input[type=file]')
    .setInputFiles(resolve(articles, 'velmora-cafes.cp1252.txt'))
  const review = page.getByRole('dialog', { name: 'Import finished' })
  await review.getByRole('button', { name: 'Wrong characters? Choose another encoding…' }).focus()
  await page.keyboard.press('Enter')
  const select = review.getByRole('combobox', { name: 'Encoding for velmora-cafes.cp1252.txt' })
  await expect(select).toBeFocused()
  await expect(select).toHaveValue('windows-1252')
  const other = await select
    .locator('option')
    .evaluateAll((options) =>
      options.map((o) => (o as HTMLOptionElement).value).find((v) => v !== 'windows-1252')
    )
  await select.selectOption(other!)
  const reimport = review.getByRole('button', { name: /^Re-import as/ })
  await expect(reimport).toBeEnabled()
  await reimport.focus()
  await page.keyboard.press('Enter')
  await expect(review.locator('.outcome.imported')).toContainText(other!)
  await expect
    .poll(() => page.evaluate(() => document.activeElement?.closest('dialog') !== null))
    .toBe(true)
})

test('text is selected from the keyboard by sentence and paragraph, extended with Shift, and highlighted with H', async ({
  page,
  host
}) => {
  const review = await importSamples(page, host.url, ['harbor-strike-wire.txt'])
  await review.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('row', { name: new RegExp(wire) }).focus()
  await page.keyboard.press('Enter')
  const body = page.getByLabel(`Text of ${wire}`)
  await body.focus()
  const selected = () => page.evaluate(() => window.getSelection()?.toString())

  await page.keyboard.press(']')
  await expect.poll(selected).toBe(wire)
  await page.keyboard.press('}')
  await expect.poll(selected).toMatch(/^VELMORA — Dock workers.*no date set to resume\.$/)
  await page.keyboard.press('}')
  await expect.poll(selected).toMatch(/^The union says roughly 2,400 .*north gate\.$/)
  await page.keyboard.press('{')
  await page.keyboard.press('}')
  await page.keyboard.press('[')
  await page.keyboard.press(']')
  await expect.poll(selected).toBe('The union says roughly 2,400 workers have joined the stoppage.')
  await page.keyboard.press('Shift+ArrowDown')
  await expect.poll(selected).toMatch(/stoppage\. Ilse Marrow, .* shift\.$/)
  await page.keyboard.press('Shift+ArrowUp')
  await expect.poll(selected).toBe('The union says roughly 2,400 workers have joined the stoppage.')
  for (let i = 0; i < 3; i++) await page.keyboard.press('Shift+ArrowLeft')
  await expect.poll(selected).toBe('The union says roughly 2,400 workers have joined')
  await page.keyboard.press('Shift+ArrowRight')
  await expect.poll(selected).toBe('The union says roughly 2,400 workers have joined the')
  await page.keyboard.press('h')
  await expect
    .poll(() => storedHighlights(page, wire))
    .toEqual([{ exact: 'The union says roughly 2,400 workers have joined the', color: 1 }])

  // The keys are in the sheet.
  await body.focus()
  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  const table = sheet.getByRole('table', { name: 'Selecting text' })
  for (const keys of ['] or [', '} or {', 'Shift+→ or Shift+←', 'Shift+↓ or Shift+↑'])
    await expect(table.getByRole('rowheader', { name: keys, exact: true })).toBeVisible()
  await page.screenshot({ path: `${shots}/shortcut-sheet-selecting.png` })
})

test('words: counts that follow the filter and plural rules; the Trash deletes for good after asking and restores with R', async ({
  page,
  host
}) => {
  await page.goto(host.url)
  await importText(page, REPORTS)
  const count = page.locator('.library-count')
  await expect(count).toHaveText('3 articles')
  await page.getByRole('searchbox', { name: 'Filter articles' }).fill('alpha')
  await expect(count).toHaveText('1 of 3 articles')
  await page.getByRole('searchbox', { name: 'Filter articles' }).fill('')
  await expect(page.getByRole('row', { name: 'Alpha report, 0 highlights' })).toBeVisible()

  // A file already imported is "Already in your library", in a sentence's capitals.
  await page.getByRole('button', { name: 'Import…' }).click()
  await page.locator('input[type=file]').setInputFiles({
    name: 'a.txt',
    mimeType: 'text/plain',
    buffer: Buffer.from('Alpha report\n\nThe harbor was closed.')
  })
  const review = page.getByRole('dialog', { name: 'Import finished' })
  await expect(review.locator('.outcome-status')).toHaveText('Already in your library')
  await expect(review.locator('.outcome-status')).toHaveCSS('text-transform', 'none')
  await review.getByRole('button', { name: 'Close' }).click()

  const said = await recordToasts(page)
  const rows = page.getByRole('grid', { name: 'Articles' }).locator('tbody tr')
  await rows.filter({ hasText: 'Alpha' }).click()
  await rows.filter({ hasText: 'Bravo' }).click({ modifiers: ['Control'] })
  await page.keyboard.press('Delete')
  await said('Moved 2 articles to the Trash.')
  await expect(count).toHaveText('1 article')
  await page.getByRole('button', { name: 'Trash (2)' }).click()
  const trashed = page.getByRole('grid', { name: 'Articles in the Trash' }).locator('tbody tr')
  await expect(trashed).toHaveCount(2)

  // Delete asks; saying no keeps the article.
  await trashed.first().click()
  const first = (await trashed.first().getAttribute('aria-label'))!.split(',')[0]!
  page.once('dialog', (dialog) => void dialog.dismiss())
  await page.keyboard.press('Delete')
  await expect(trashed).toHaveCount(2)
  expect(await storedTitles(page, true)).toHaveLength(2)
  // Saying yes deletes it for good.
  let asked = ''
  page.once('dialog', (dialog) => {
    asked = dialog.message()
    void dialog.accept()
  })
  await trashed.first().click()
  await page.keyboard.press('Delete')
  await expect.poll(() => storedTitles(page, true)).toHaveLength(1)
  expect(asked).toContain(`Delete “${first}” and its highlights, claims and notes for good?`)
  expect(await storedTitles(page)).toHaveLength(1)
  await said(`Deleted “${first}” for good.`)
  // R restores.
  await trashed.first().click()
  await page.keyboard.press('r')
  await expect.poll(() => storedTitles(page, true)).toEqual([])
  await expect(page.getByText('The Trash is empty.')).toBeVisible()
  await said('Restored “')
})
