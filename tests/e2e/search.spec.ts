import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { plainToDoc } from '../../src/shared/richText'
import {
  expect,
  importSamples,
  importText,
  longPassage,
  longText,
  longTitle,
  shots,
  test
} from './fixtures'

const wire = 'Port of Velmora Strike Enters Third Day as Talks Stall'
const opinion = 'The Velmora Strike Is Not Really About Cranes'

/** WCAG 2.1 A and AA rules, checked by axe on the page as it is now. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
  )
}

/** What the page's selection holds, and whether it lies in the pane of `title`. */
function selectionIn(page: Page, title: string): Promise<{ text: string; inPane: boolean }> {
  return page.evaluate((name) => {
    const selection = window.getSelection()
    const node = selection?.anchorNode
    const pane = (node instanceof Element ? node : node?.parentElement)?.closest('article')
    return {
      text: selection?.toString() ?? '',
      inPane: pane?.getAttribute('aria-label') === name
    }
  }, title)
}

test('Ctrl+K searches the library; Enter opens the article at the passage, marked in the reader', async ({
  page,
  host
}) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  const review = await importSamples(page, host.url, [
    'harbor-strike-wire.txt',
    'harbor-strike-opinion.txt',
    'summit-talks.txt'
  ])
  await review.getByRole('button', { name: 'Close' }).click()
  await importText(page, [{ name: 'harbour-log.txt', text: longText }])

  await page.keyboard.press('Control+k')
  const panel = page.getByRole('dialog', { name: 'Search the library' })
  await expect(panel).toBeVisible()
  const box = panel.getByRole('combobox', { name: /Search articles/ })
  await expect(box).toBeFocused()

  // A phrase from the fixture article, its words marked in the snippet.
  await box.fill('"2,400 workers"')
  const results = panel.getByRole('listbox', { name: 'Results' })
  const wireGroup = results.getByRole('group', { name: wire })
  await expect(wireGroup).toBeVisible()
  await expect(wireGroup.getByRole('option').first().locator('mark')).toHaveText(['2,400 workers'])
  await expect(results.getByRole('group', { name: opinion })).toHaveCount(0)
  // The status counts the passages listed and the articles they are in.
  const passages = await results.getByRole('option').count()
  const articles = await results.getByRole('group').count()
  expect(passages).toBeGreaterThan(0)
  await expect(panel.getByRole('status')).toHaveText(
    `${passages} ${passages === 1 ? 'passage' : 'passages'} in ${articles} ${articles === 1 ? 'article' : 'articles'}.`
  )
  await page.screenshot({ path: `${shots}/search-panel.png` })
  expect(await violations(page)).toEqual([])
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await violations(page)).toEqual([])
  await page.screenshot({ path: `${shots}/search-panel-dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })

  await page.keyboard.press('Enter')
  await expect(panel).toBeHidden()
  const pane = page.getByRole('article', { name: wire })
  await expect(pane).toBeVisible()
  await expect.poll(() => selectionIn(page, wire)).toEqual({ text: '2,400 workers', inPane: true })

  // Case aside, the last word a prefix while typing: the long log, at its passage.
  await page.keyboard.press('Control+k')
  await box.fill('CRANES IDLE AT BERTH NIN')
  const log = results.getByRole('group', { name: longTitle })
  await expect(log).toBeVisible()
  await expect(box).toHaveAttribute('aria-activedescendant', /search-hit-0-0/)
  await page.keyboard.press('Shift+Enter')
  await expect(page.getByRole('article')).toHaveCount(2)
  const logPane = page.getByRole('article', { name: longTitle })
  await expect
    .poll(() => selectionIn(page, longTitle))
    .toEqual({
      text: expect.stringMatching(/^cranes idle at berth nin/i) as unknown as string,
      inPane: true
    })
  await expect
    .poll(() =>
      logPane.evaluate((article, passage) => {
        const body = article.querySelector('.pane-body')!
        const line = [...article.querySelectorAll('.line')].find((l) =>
          l.textContent!.includes(passage)
        )!
        const frame = body.getBoundingClientRect()
        const at = line.getBoundingClientRect()
        return body.scrollTop > 0 && at.top >= frame.top && at.bottom <= frame.bottom
      }, longPassage)
    )
    .toBe(true)

  // The kind filter, and a claim found by its statement; ↓ chooses the next hit.
  await page.evaluate(async (title) => {
    type Answer = { ok: true; value: unknown } | { ok: false; error: { message: string } }
    const api = (window as unknown as { api: Record<string, (i: unknown) => Promise<Answer>> }).api
    const articles = (await api.listArticles!({})) as {
      ok: true
      value: { id: string; title: string }[]
    }
    const article = articles.value.find((a) => a.title === title)!
    const { value } = (await api.getArticle!({ id: article.id })) as {
      ok: true
      value: { text: string }
    }
    const quote = 'payroll records'
    const start = value.text.indexOf(quote)
    await api.createClaim!({
      articleId: article.id,
      start,
      end: start + quote.length,
      statement: 'Fewer dockers stopped than the union says',
      status: 'checking'
    })
  }, opinion)
  await page.keyboard.press('Control+k')
  await box.fill('dockers')
  await panel.getByRole('combobox', { name: 'Kind' }).selectOption('claim')
  const claimHit = results.getByRole('option', { name: /Fewer dockers stopped/ })
  await expect(claimHit).toBeVisible()
  await expect(results.getByRole('option')).toHaveCount(1)
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.screenshot({ path: `${shots}/search-panel-1024.png` })
  await box.press('Escape')
  await expect(panel).toBeHidden()
})

test('Ctrl+K opens a notebook at its hit and selects a source in the registry; a renamed claimant is found by its new name', async ({
  page,
  host
}) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  const review = await importSamples(page, host.url, ['harbor-strike-wire.txt'])
  await review.getByRole('button', { name: 'Close' }).click()
  // A long notebook with the hit near its end, sixty sources, and a claim by one of them.
  const filler = Array.from({ length: 80 }, (_, i) => `Paragraph ${i + 1} of the assessment.`)
  const doc = plainToDoc([...filler, 'The stevedores refused the night shift.'].join('\n'))
  await page.evaluate(
    async ({ doc, names }) => {
      type Answer = { ok: true; value: { id: string } } | { ok: false; error: { message: string } }
      const api = (window as unknown as { api: Record<string, (i: unknown) => Promise<Answer>> })
        .api
      const value = async (answer: Promise<Answer>) => {
        const settled = await answer
        if (!settled.ok) throw new Error(settled.error.message)
        return settled.value
      }
      const notebook = await value(api.createNotebook!({ title: 'Velmora assessment' }))
      await value(api.saveNotebook!({ id: notebook.id, doc }))
      for (const name of names) await value(api.createSource!({ name, kind: 'organisation' }))
      const union = await value(api.createSource!({ name: 'Dock union', kind: 'organisation' }))
      const listed = (await value(api.listArticles!({}))) as unknown as { id: string }[]
      const article = (await value(api.getArticle!({ id: listed[0]!.id }))) as unknown as {
        id: string
        text: string
      }
      const quote = '2,400 workers'
      const start = article.text.indexOf(quote)
      await value(
        api.createClaim!({
          articleId: article.id,
          start,
          end: start + quote.length,
          statement: 'Most of the port walked out',
          sourceId: union.id
        })
      )
    },
    {
      doc,
      names: [
        ...Array.from({ length: 60 }, (_, i) => `Agency ${String(i + 1).padStart(2, '0')}`),
        'Zephyr Harbour Pilots'
      ]
    }
  )

  const panel = page.getByRole('dialog', { name: 'Search the library' })
  const box = panel.getByRole('combobox', { name: /Search articles/ })
  const results = panel.getByRole('listbox', { name: 'Results' })

  // A notebook hit opens the notebook with the hit's words selected, scrolled to, focused.
  await page.keyboard.press('Control+k')
  await box.fill('stevedores')
  await expect(results.getByRole('option', { name: /stevedores/ })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(panel).toBeHidden()
  const notebook = page.getByRole('article', { name: 'Velmora assessment' })
  await expect(notebook).toBeVisible()
  const editor = notebook.getByRole('textbox', { name: 'Notebook Velmora assessment' })
  await expect(editor).toBeFocused()
  await expect.poll(() => page.evaluate(() => window.getSelection()?.toString())).toBe('stevedores')
  await expect
    .poll(() =>
      editor.evaluate((element) => {
        const range = window.getSelection()!.getRangeAt(0).getBoundingClientRect()
        const scroller = element.closest('.notebook-page')!.getBoundingClientRect()
        return range.top >= scroller.top && range.bottom <= scroller.bottom && range.height > 0
      })
    )
    .toBe(true)

  // A source hit shows the registry with that source selected and focused, among sixty.
  await page.keyboard.press('Control+k')
  await box.fill('zephyr')
  await panel.getByRole('combobox', { name: 'Kind' }).selectOption('source')
  await expect(results.getByRole('option')).toHaveCount(1)
  await page.keyboard.press('Enter')
  const registry = page.getByRole('region', { name: 'Sources registry' })
  const row = registry.getByRole('row', { name: /^Zephyr Harbour Pilots/ })
  await expect(row).toHaveAttribute('aria-selected', 'true')
  await expect(row).toBeFocused()
  await expect(row).toBeInViewport()
  await expect(registry.getByRole('heading', { name: 'Zephyr Harbour Pilots' })).toBeVisible()
  expect(await violations(page)).toEqual([])

  // Renamed in the registry, the claimant is found by its new name only.
  const filter = registry.getByRole('searchbox', { name: 'Filter sources' })
  await filter.fill('dock union')
  const form = registry.getByRole('form', { name: 'Name and aliases of Dock union' })
  await form.getByRole('textbox', { name: 'Name' }).fill('Harbour union')
  await form.getByRole('button', { name: 'Save' }).click()
  await expect(registry.getByText('No source matches the filter.')).toBeVisible()
  await filter.fill('harbour')
  await expect(registry.getByRole('row', { name: /^Harbour union/ })).toBeVisible()
  await page.keyboard.press('Control+k')
  await box.fill('harbour union')
  await panel.getByRole('combobox', { name: 'Kind' }).selectOption('claim')
  await expect(results.getByRole('option')).toHaveText([/^Claim.*Harbour union/])
  await box.fill('dock union')
  await expect(panel.getByRole('status')).toHaveText(/Nothing found\./)
  await box.press('Escape')
})
