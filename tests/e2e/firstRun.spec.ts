import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import type { WindowApi } from '../../src/shared/hostEvents'
import { expect, shots, test } from './fixtures'

const WIRE = 'Ferry runs aground off Kessa Island; all 212 on board brought ashore'
const COURIER = 'Wren passengers: ‘We were told the steering was playing up’'
const STATEMENT = 'Statement on the grounding of the Northern Wren'

/** Empty library → Try with sample articles → the two that disagree, side by side. */
async function trySamples(page: Page, url: string): Promise<void> {
  await page.goto(url)
  await page.getByRole('button', { name: 'Try with sample articles' }).click()
  await expect(page.getByRole('article', { name: WIRE })).toContainText('KESSA ISLAND')
  await expect(page.getByRole('article', { name: COURIER })).toContainText('More than 300')
}

/** WCAG 2.1 A and AA rules, checked by axe on the page as it is now. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
  )
}

/** The width of the reading area, where the panes are. */
function readingWidth(page: Page): Promise<number> {
  return page
    .getByRole('region', { name: 'Reading panes' })
    .evaluate((panes) => panes.getBoundingClientRect().width)
}

test('first run: the welcome on an empty library, then the sample library in a minute', async ({
  page,
  host
}) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.goto(host.url)
  const welcome = page.getByRole('region', { name: 'Welcome to Dossier' })
  await expect(welcome).toBeVisible()
  // The three steps, each with its way in.
  await expect(welcome.getByRole('listitem')).toHaveText([
    /^Import.*any encoding/s,
    /^Read side by side.*Shift\+double-click/s,
    /^Annotate claims and export.*export what you found/s
  ])
  await expect(welcome.getByRole('button', { name: 'Import files…' })).toBeEnabled()
  await expect(welcome.getByRole('button', { name: 'Paste text as an article' })).toBeEnabled()
  // Nothing to list or annotate yet: the welcome has the width, and no panel toggles show.
  await expect(page.getByRole('region', { name: 'Library' })).toBeHidden()
  await expect(page.getByRole('complementary', { name: 'Annotations' })).toBeHidden()
  await expect(page.getByRole('button', { name: 'Library panel' })).toHaveCount(0)
  await page.screenshot({ path: `${shots}/first-run-welcome.png` })
  expect(await violations(page)).toEqual([])
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await violations(page)).toEqual([])
  await page.emulateMedia({ colorScheme: 'light' })

  // Its Paste button is the toolbar's: it opens the same dialog.
  await welcome.getByRole('button', { name: 'Paste text as an article' }).click()
  await expect(page.getByRole('dialog', { name: 'New article from pasted text' })).toBeVisible()
  await page.keyboard.press('Escape')

  await welcome.getByRole('button', { name: 'Try with sample articles' }).click()
  await expect(page.getByRole('article', { name: WIRE })).toContainText('KESSA ISLAND')
  await expect(page.getByRole('article', { name: COURIER })).toContainText('More than 300')
  await expect(page.getByRole('status').getByText(/Loaded 3 sample articles/)).toBeVisible()
  await expect(welcome).toBeHidden()
  // At 1024 pixels the library folds away so that the two articles can be read.
  await expect(page.getByRole('button', { name: 'Library panel' })).toHaveAttribute(
    'aria-expanded',
    'false'
  )

  // What was stored, as any client of the API sees it.
  const stored = await page.evaluate(async () => {
    const api = (window as unknown as { api: WindowApi }).api
    const value = async <T>(result: Promise<{ ok: boolean; value?: T }>): Promise<T> => {
      const r = await result
      if (!r.ok) throw new Error(JSON.stringify(r))
      return r.value!
    }
    const articles = await value(api.listArticles({}))
    const highlights = await Promise.all(
      articles.map((a) => value(api.listAnnotations({ articleId: a.id })))
    )
    const board = await value(api.listClaimBoard({}))
    const links = await Promise.all(articles.map((a) => value(api.listLinks({ articleId: a.id }))))
    const again = await api.loadSampleLibrary({})
    return {
      titles: articles.map((a) => a.title).sort(),
      highlights: highlights.flat().map((h) => h.quote.exact),
      // The board comes by column (ClaimBoard): claim i is position i of each.
      claims: board.claims.id.map((_, i) => {
        const { claims } = board
        const claimant = board.sources[claims.source[i]!]
        return {
          exact: claims.exact[i]!,
          claimant: claimant?.name,
          grade: `${claimant?.reliability ?? '?'}${claims.credibility[i] || '?'}`,
          attribution: claims.attribution[i]!,
          status: claims.status[i]!
        }
      }),
      links: links
        .flat()
        .map((l) => `${l.other.exact} ${l.outgoing ? '←' : '→'} ${l.link.relation}`),
      again
    }
  })
  expect(stored.titles).toEqual([WIRE, STATEMENT, COURIER].sort())
  expect(stored.highlights).toHaveLength(7)
  expect(stored.highlights).toContain('in thick fog')
  expect(stored.claims).toHaveLength(11)
  expect(stored.claims).toContainEqual({
    exact: 'More than 300 people were aboard',
    claimant: 'The Kessa Courier',
    grade: 'B3',
    attribution: 'author',
    status: 'checking'
  })
  expect(stored.claims).toContainEqual(
    expect.objectContaining({ claimant: 'Dana Okafor', grade: 'B3', status: 'disputed' })
  )
  expect(stored.links).toContainEqual(
    'All 212 passengers and crew were brought ashore by lifeboats and fishing boats within three hours ← contradicts'
  )
  expect(stored.again).toMatchObject({ ok: false, error: { code: 'refused' } })

  // The panes show them: highlights painted, claims listed with their claimant's grade.
  await page.getByRole('article', { name: COURIER }).click()
  const annotations = page.getByRole('complementary', { name: 'Annotations' })
  await expect(annotations.getByRole('heading', { name: 'Claims (5)' })).toBeVisible()
  await expect(annotations.getByRole('heading', { name: 'Highlights (2)' })).toBeVisible()
  await expect(annotations).toContainText('More than 300 people were on board.')
  await page.screenshot({ path: `${shots}/first-run-samples.png` })
})

test('the shortcut sheet opens on ? and lists every key, the panel keys too', async ({
  page,
  host
}) => {
  await trySamples(page, host.url)
  await page.getByRole('article', { name: WIRE }).getByLabel(`Text of ${WIRE}`).focus()
  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  for (const key of ['Shift+L', 'Shift+R', 'H', '1–6', 'C', 'L', '?'])
    await expect(sheet.getByRole('rowheader', { name: key, exact: true })).toBeVisible()
  await expect(
    sheet.getByRole('row', { name: /^Shift\+L Show or hide the library panel/ })
  ).toBeVisible()
  await expect(
    sheet.getByRole('row', { name: /^Shift\+R Show or hide the annotations panel/ })
  ).toBeVisible()
  // The library's row keys, from the table its handler reads: the context menu's among them.
  await expect(
    sheet.getByRole('row', { name: /^Shift\+F10, Menu key The article’s menu/ })
  ).toBeVisible()
  await expect(sheet.getByRole('rowheader', { name: 'Alt+Enter', exact: true })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()
})

test('the library and annotations panels fold away, by key and by button, and stay so', async ({
  page,
  host
}) => {
  await trySamples(page, host.url)
  const libraryToggle = page.getByRole('button', { name: 'Library panel' })
  const annotationsToggle = page.getByRole('button', { name: 'Annotations panel' })
  const library = page.getByRole('region', { name: 'Library' })
  const annotations = page.getByRole('complementary', { name: 'Annotations' })
  // At 1600 pixels the library leaves the two panes room enough: it stays.
  await expect(libraryToggle).toHaveAttribute('aria-expanded', 'true')
  await expect(library).toBeVisible()
  const full = await readingWidth(page)

  await page.getByRole('article', { name: WIRE }).getByLabel(`Text of ${WIRE}`).focus()
  await page.keyboard.press('Shift+L')
  await expect(library).toBeHidden()
  await expect(libraryToggle).toHaveAttribute('aria-expanded', 'false')
  await expect.poll(() => readingWidth(page)).toBeGreaterThan(full + 400)
  await page.keyboard.press('Shift+R')
  await expect(annotations).toBeHidden()
  await expect(annotationsToggle).toHaveAttribute('aria-expanded', 'false')
  await expect.poll(() => readingWidth(page)).toBe(page.viewportSize()!.width)

  // The buttons do the same, and keep the focus.
  await libraryToggle.click()
  await expect(library).toBeVisible()
  await expect(libraryToggle).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(library).toBeHidden()
  await expect(libraryToggle).toHaveAttribute('title', 'Show the library panel (Shift+L)')

  // Folded panels are part of the workspace: a restart keeps them folded.
  await expect(page.locator('[data-workspace-saved="true"]')).toBeVisible()
  await host.restart()
  await page.goto(host.url)
  await expect(page.getByRole('article', { name: WIRE })).toContainText('KESSA ISLAND')
  await expect(library).toBeHidden()
  await expect(annotations).toBeHidden()
  await expect(libraryToggle).toHaveAttribute('aria-expanded', 'false')
  await expect.poll(() => readingWidth(page)).toBe(page.viewportSize()!.width)

  // Four panes get the whole width.
  await annotationsToggle.click()
  await libraryToggle.click()
  await page.getByRole('row', { name: new RegExp(STATEMENT) }).dblclick({ modifiers: ['Shift'] })
  await page.getByRole('row', { name: /Wren passengers/ }).dblclick({ modifiers: ['Shift'] })
  await expect(page.getByRole('article')).toHaveCount(4)
  await page.keyboard.press('Shift+L')
  await page.keyboard.press('Shift+R')
  await page.setViewportSize({ width: 1024, height: 700 })
  await expect.poll(() => readingWidth(page)).toBe(1024)
  await page.screenshot({ path: `${shots}/first-run-four-panes-folded.png` })
})

test('at 1024×700 a pane header never wraps; what does not fit is in its ⋯ menu, by keyboard', async ({
  page,
  host
}) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await trySamples(page, host.url)
  // A third pane beside the two: the library comes back for it, then folds again.
  await page.keyboard.press('Shift+L')
  await page.getByRole('row', { name: new RegExp(STATEMENT) }).dblclick({ modifiers: ['Shift'] })
  await page.keyboard.press('Shift+L')
  const panes = page.getByRole('article')
  await expect(panes).toHaveCount(3)

  for (const pane of await panes.all()) {
    const rows = await pane
      .getByRole('toolbar')
      .first()
      .evaluate((toolbar) => {
        const boxes = [...toolbar.querySelectorAll('button')]
          .filter((b) => b.checkVisibility())
          .map((b) => b.getBoundingClientRect())
        const header = toolbar.closest('header')!.getBoundingClientRect()
        return {
          tops: [...new Set(boxes.map((b) => Math.round(b.top)))],
          inside: boxes.every((b) => b.left >= header.left && b.right <= header.right + 0.5),
          count: boxes.length
        }
      })
    expect(rows.tops).toHaveLength(1)
    expect(rows.inside).toBe(true)
    expect(rows.count).toBeGreaterThanOrEqual(3)
  }

  const pane = page.getByRole('article', { name: STATEMENT })
  const more = pane.getByRole('button', { name: `More actions for ${STATEMENT}` })
  await expect(more).toHaveAttribute('aria-haspopup', 'menu')
  await expect(pane.getByRole('button', { name: `Close ${STATEMENT}` })).toBeVisible()
  await expect(pane.getByRole('button', { name: `Find in ${STATEMENT}` })).toBeHidden()

  await more.focus()
  await page.keyboard.press('Enter')
  const menu = page.getByRole('menu', { name: `More actions for ${STATEMENT}` })
  await expect(menu).toBeVisible()
  await expect(more).toHaveAttribute('aria-expanded', 'true')
  // Plain items and toggles (menuitemcheckbox) alike; a pane is never narrower than a
  // readable width, so here the toggles fit and stay buttons with their pressed state.
  const items = menu.locator('[role^="menuitem"]')
  await expect(items.first()).toBeFocused()
  await expect(menu.getByRole('menuitem', { name: 'Find (Ctrl+F)' })).toBeVisible()
  const notesItem = menu.getByRole('menuitemcheckbox', { name: 'Your notes on this article' })
  if ((await notesItem.count()) > 0)
    await expect(notesItem).toHaveAttribute('aria-checked', 'false')
  else
    await expect(pane.getByRole('button', { name: `Notes on ${STATEMENT}` })).toHaveAttribute(
      'aria-pressed',
      'false'
    )
  await page.screenshot({ path: `${shots}/first-run-pane-menu.png` })
  expect(await violations(page)).toEqual([])
  // ↑ from the first wraps to the last; Esc closes, back on the button.
  await page.keyboard.press('ArrowUp')
  await expect(items.last()).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(menu).toBeHidden()
  await expect(more).toBeFocused()
  await expect(more).toHaveAttribute('aria-expanded', 'false')

  // ↓ opens it on the first item; moving to Find and pressing Enter finds in this pane.
  await page.keyboard.press('ArrowDown')
  await expect(items.first()).toBeFocused()
  for (let i = 0; i < 10; i++) {
    if (
      await menu
        .getByRole('menuitem', { name: 'Find (Ctrl+F)' })
        .evaluate((b) => b === document.activeElement)
    )
      break
    await page.keyboard.press('ArrowDown')
  }
  await page.keyboard.press('Enter')
  await expect(menu).toBeHidden()
  await expect(pane.getByRole('searchbox', { name: 'Find in article' })).toBeFocused()
  await page.keyboard.type('fog')
  await expect(pane.getByRole('search')).toContainText('1 of 1')
  await page.keyboard.press('Escape')

  // A click elsewhere closes it too.
  await more.click()
  await expect(menu).toBeVisible()
  await pane.getByLabel(`Text of ${STATEMENT}`).click()
  await expect(menu).toBeHidden()
})
