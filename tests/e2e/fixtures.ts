import { readdir } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { expect, test as base } from '@playwright/test'
import type { Locator, Page } from '@playwright/test'
import { WebHostProcess } from './webHost'

export { expect }
/** Dossier's own invented articles, committed with the tests. */
export const articles = resolve(import.meta.dirname, '../fixtures/articles')
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

interface QuoteBox {
  /** Centre of the quote's first and last characters, in page coordinates. */
  start: { x: number; y: number }
  end: { x: number; y: number }
}

/**
 * Finds the first occurrence of `exact` in the pane named `title`; with `select`, also
 * selects it as a drag would. Returns where its first and last characters are.
 */
async function locateQuote(
  page: Page,
  title: string,
  exact: string,
  select: boolean
): Promise<QuoteBox> {
  return page.getByRole('article', { name: title }).evaluate(
    (pane, { quote, select }) => {
      for (const span of pane.querySelectorAll<HTMLElement>('span[data-o]')) {
        const node = span.firstChild as Text
        const at = node.data.indexOf(quote)
        if (at < 0) continue
        const centre = (from: number): { x: number; y: number } => {
          const range = document.createRange()
          range.setStart(node, from)
          range.setEnd(node, from + 1)
          const rect = range.getBoundingClientRect()
          return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }
        }
        if (select) {
          const range = document.createRange()
          range.setStart(node, at)
          range.setEnd(node, at + quote.length)
          window.getSelection()!.removeAllRanges()
          window.getSelection()!.addRange(range)
        }
        return { start: centre(at), end: centre(at + quote.length - 1) }
      }
      throw new Error(`"${quote}" is not in the pane`)
    },
    { quote: exact, select }
  )
}

/** Selects the first occurrence of `exact` in the pane named `title`, as a drag would. */
export async function selectQuote(page: Page, title: string, exact: string): Promise<void> {
  await locateQuote(page, title, exact, true)
}

/** Drags the mouse across `exact` in the pane named `title`, as an analyst selects text. */
export async function dragAcross(page: Page, title: string, exact: string): Promise<void> {
  const { start, end } = await locateQuote(page, title, exact, false)
  await page.mouse.move(start.x - 3, start.y)
  await page.mouse.down()
  await page.mouse.move(end.x + 3, end.y, { steps: 8 })
  await page.mouse.up()
}

/** Clicks the first character of `exact` in the pane named `title` (a quote may wrap). */
export async function clickQuote(page: Page, title: string, exact: string): Promise<void> {
  const { start } = await locateQuote(page, title, exact, false)
  await page.mouse.click(start.x, start.y)
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

/** Opens the web host and picks fixture articles in the import dialog; returns the review. */
export async function importSamples(page: Page, url: string, names: string[]): Promise<Locator> {
  await page.goto(url)
  await page.getByRole('button', { name: 'Import…' }).click()
  await page.locator('input[type=file]').setInputFiles(names.map((name) => resolve(articles, name)))
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

/** The sample wire story, as `libraryWithAHighlight` highlights it. */
export const WIRE_TITLE = 'Port of Velmora Strike Enters Third Day as Talks Stall'
export const WIRE_FIRST = 'The union says roughly 2,400 workers have joined the stoppage.'

/**
 * Imports the wire story, opens it and highlights WIRE_FIRST; resolves once the store has
 * written it, with the article's id.
 */
export async function libraryWithAHighlight(page: Page, host: WebHostProcess): Promise<string> {
  const review = await importSamples(page, host.url, ['harbor-strike-wire.txt'])
  await review.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('row', { name: new RegExp(WIRE_TITLE) }).dblclick()
  await dragAcross(page, WIRE_TITLE, WIRE_FIRST)
  await page.keyboard.press('h')
  await expect(
    page.getByRole('list', { name: `Highlights in ${WIRE_TITLE}` }).getByRole('listitem')
  ).toHaveCount(1)
  await expect(page.locator('[data-workspace-saved="true"]')).toBeVisible()
  // The list shows a highlight at once; its file follows when the store has written it.
  const files = () => readdir(join(host.dataDir, 'annotations'))
  await expect.poll(async () => (await files()).length).toBe(1)
  const [file] = await files()
  return file!.replace(/\.json$/, '')
}

/** The two sample articles that disagree on the number of strikers. */
export const WIRE = 'Port of Velmora Strike Enters Third Day as Talks Stall'
export const OPINION = 'The Velmora Strike Is Not Really About Cranes'

/** Imports the wire and the opinion piece and opens them side by side. */
export async function openBoth(page: Page, url: string): Promise<void> {
  const review = await importSamples(page, url, [
    'harbor-strike-wire.txt',
    'harbor-strike-opinion.txt'
  ])
  await review.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('row', { name: new RegExp(WIRE) }).dblclick()
  await page.getByRole('row', { name: new RegExp(OPINION) }).dblclick({ modifiers: ['Shift'] })
  await expect(page.getByRole('article')).toHaveCount(2)
  await expect(page.getByRole('article', { name: OPINION })).toContainText('900 workers')
}

/** A long report, so that opening it at a passage means scrolling to it. */
export const longTitle = 'Harbour Log, Long Edition'
export const longPassage = 'the night shift counted 310 cranes idle at berth nine'
export const longText = [
  longTitle,
  ...Array.from(
    { length: 120 },
    (_, i) => `Entry ${i + 1}. The harbour master noted the tide, the weather and the berths.`
  ),
  `Entry 121. By dawn ${longPassage}, the log says.`,
  ...Array.from({ length: 20 }, (_, i) => `Entry ${i + 122}. Nothing further was noted.`)
].join('\n\n')
