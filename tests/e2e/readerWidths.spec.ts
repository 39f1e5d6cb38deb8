import type { Page } from '@playwright/test'
import { expect, importText, paintedText, test } from './fixtures'

/** The box of an element as the page lays it out. */
async function box(page: Page, selector: string): Promise<DOMRect[]> {
  return page
    .locator(selector)
    .evaluateAll((elements) =>
      elements.map((element) => element.getBoundingClientRect().toJSON() as DOMRect)
    )
}

const REPORT = [
  'Ankara report',
  'President Erdoğan met the delegation; Erdoğan’s office said later that Turkey’s ports stay open.',
  'ERDOĞAN was not available. Turkey’s ministry declined to comment.'
].join('\n')

test('find ignores accents, quotes and case; its bar fits a normal pane; Esc then H highlights the match', async ({
  page,
  host
}) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.goto(host.url)
  await importText(page, [
    { name: 'ankara.txt', text: REPORT },
    { name: 'other.txt', text: 'Other report\nNothing to see.' }
  ])
  await page.getByRole('row', { name: /Ankara report/ }).dblclick()
  await page.getByRole('row', { name: /Other report/ }).click()
  await page.keyboard.press('Shift+Enter')
  const pane = page.getByRole('article', { name: 'Ankara report' })
  await pane.getByLabel('Text of Ankara report').focus()
  await page.keyboard.press('Control+f')
  const find = page.getByRole('searchbox', { name: 'Find in article' })
  await find.fill('Erdogan')
  await expect(page.getByRole('search')).toContainText('1 of 3')
  await expect.poll(() => paintedText(page, 'find')).toEqual(['Erdoğan', 'Erdoğan', 'ERDOĞAN'])
  await find.fill("turkey's")
  await expect(page.getByRole('search')).toContainText('1 of 2')
  await expect.poll(() => paintedText(page, 'find')).toEqual(['Turkey’s', 'Turkey’s'])

  // Every control of the find bar lies inside the pane, which is about half the window.
  const [paneBox] = await box(page, 'article.pane:has(h2:text("Ankara report"))')
  expect(paneBox!.width).toBeLessThan(700)
  for (const control of await box(page, '.find-bar > *')) {
    expect(control.left).toBeGreaterThanOrEqual(paneBox!.left)
    expect(control.right).toBeLessThanOrEqual(paneBox!.right + 0.5)
    expect(control.width).toBeGreaterThan(0)
  }

  await page.keyboard.press('Enter')
  await expect(page.getByRole('search')).toContainText('2 of 2')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('search')).toHaveCount(0)
  // The focus is back in the pane, on its text, with the current match selected.
  await expect(pane.getByLabel('Text of Ankara report')).toBeFocused()
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe('Turkey’s')
  await page.keyboard.press('h')
  await expect.poll(() => paintedText(page, 'c1')).toEqual(['Turkey’s'])
  await expect(
    page.getByRole('list', { name: 'Highlights in Ankara report' }).getByRole('listitem')
  ).toHaveCount(1)
})

const five = ['Alpha', 'Bravo', 'Charlie', 'Delta', 'Echo'].map((name) => ({
  name: `${name.toLowerCase()}.txt`,
  text: `${name} dispatch from VELMORA\nThe VELMORA harbour authority said the cranes stood idle while the unions and the port negotiated through the night.`
}))

test('open side by side never opens an article twice, keeps panes readable and whole words, and fits 1024×700', async ({
  page,
  host
}) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.goto(host.url)
  await importText(page, five)
  const rows = page.getByRole('grid', { name: 'Articles' }).locator('tbody tr')
  await rows.filter({ hasText: 'Alpha dispatch' }).dblclick()
  await rows.filter({ hasText: 'Charlie dispatch' }).click()
  await page.keyboard.press('Shift+Enter')
  await expect(page.getByRole('article')).toHaveCount(2)

  // Five selected, two of them open: three more panes, and a word about the two.
  await rows.first().click()
  await rows.last().click({ modifiers: ['Shift'] })
  await expect(page.getByText('5 articles · 5 selected')).toBeVisible()
  await page.getByRole('button', { name: 'Open side by side' }).click()
  await expect(page.getByRole('article')).toHaveCount(5)
  await expect(page.getByText('2 articles already open, not opened again.')).toBeVisible()
  const titles = await page
    .getByRole('article')
    .evaluateAll((panes) => panes.map((pane) => pane.getAttribute('aria-label')))
  expect(new Set(titles).size).toBe(5)

  // No pane is narrower than a readable width, or than the strip when a panel leaves it
  // less: the strip scrolls sideways instead.
  const [stripBox] = await box(page, 'section.panes')
  for (const pane of await box(page, 'article.pane'))
    expect(pane.width).toBeGreaterThanOrEqual(Math.min(290, stripBox!.width - 8))
  const strip = page.getByRole('region', { name: 'Reading panes' })
  expect(await strip.evaluate((element) => element.scrollWidth > element.clientWidth + 100)).toBe(
    true
  )
  // The active (last opened) pane is scrolled into view.
  const [activeBox] = await box(page, 'article.pane.active')
  expect(activeBox!.right).toBeLessThanOrEqual(stripBox!.right + 1)
  expect(activeBox!.left).toBeGreaterThanOrEqual(stripBox!.left - 1)
  // With the library folded away (Shift+L) two panes of a readable width are in view.
  await page.getByLabel(/^Text of Bravo/).focus()
  await page.keyboard.press('Shift+L')
  await expect(page.getByRole('grid', { name: 'Articles' })).toBeHidden()
  await expect.poll(async () => (await box(page, 'section.panes'))[0]!.width).toBeGreaterThan(600)
  for (const pane of await box(page, 'article.pane')) expect(pane.width).toBeGreaterThanOrEqual(290)

  // Words are never broken: each VELMORA lies on one line.
  const split = await page.evaluate(() => {
    let broken = 0
    for (const span of document.querySelectorAll<HTMLElement>('article.pane span[data-o]')) {
      const node = span.firstChild as Text | null
      if (!node) continue
      for (
        let at = node.data.indexOf('VELMORA');
        at >= 0;
        at = node.data.indexOf('VELMORA', at + 1)
      ) {
        const range = document.createRange()
        range.setStart(node, at)
        range.setEnd(node, at + 7)
        const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)))
        if (lines.size > 1) broken++
      }
    }
    return broken
  })
  expect(split).toBe(0)

  // The toolbar is one row, and every pane's Maximise and Close sit on its header's row.
  const toolbarButtons = await box(page, '.toolbar > button, .toolbar .legend > button')
  expect(toolbarButtons.length).toBeGreaterThan(8)
  // One row: every button starts above the point where the first-ending one ends.
  const lowestTop = Math.max(...toolbarButtons.map((button) => button.top))
  const highestBottom = Math.min(...toolbarButtons.map((button) => button.bottom))
  expect(lowestTop).toBeLessThan(highestBottom)
  for (const pane of await page.locator('article.pane').all()) {
    const header = (await pane.locator('.pane-header').boundingBox())!
    const close = (await pane.getByRole('button', { name: /^Close / }).boundingBox())!
    expect(close.y + close.height).toBeLessThanOrEqual(header.y + header.height)
    expect(close.x + close.width).toBeLessThanOrEqual(header.x + header.width + 0.5)
    expect(header.height).toBeLessThan(80)
  }
})

test('the library shows every column without sideways scrolling at 1440 px, also when tabbing through its headers', async ({
  page,
  host
}) => {
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(host.url)
  await importText(page, five)
  const grid = page.getByRole('grid', { name: 'Articles' })
  const scroller = page.locator('.library-table')
  for (const name of ['Title', 'Published', 'Highlights', 'Claims']) {
    const header = grid.getByRole('columnheader', { name })
    await expect(header).toBeVisible()
    const headerBox = (await header.boundingBox())!
    const scrollerBox = (await scroller.boundingBox())!
    expect(headerBox.x + headerBox.width).toBeLessThanOrEqual(
      scrollerBox.x + scrollerBox.width + 0.5
    )
  }
  expect(await scroller.evaluate((element) => element.scrollWidth <= element.clientWidth)).toBe(
    true
  )
  // Each header's name is whole, not cut short with an ellipsis.
  for (const name of ['Title', 'Published', 'Highlights', 'Claims'])
    expect(
      await grid
        .getByRole('button', { name })
        .evaluate((button) => button.scrollWidth <= button.clientWidth)
    ).toBe(true)
  await grid.getByRole('button', { name: 'Title' }).focus()
  for (let i = 0; i < 8; i++) {
    await page.keyboard.press('Tab')
    expect(await scroller.evaluate((element) => element.scrollLeft)).toBe(0)
  }
  await expect(grid.getByRole('columnheader', { name: 'Title' })).toBeInViewport()
})

test('sync scroll shows whether it is on, and overlapping highlights keep both colours readable', async ({
  page,
  host
}) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.goto(host.url)
  await importText(page, [five[0]!])
  const sync = page.getByRole('button', { name: 'Sync scroll' })
  await expect(sync).toHaveAttribute('aria-pressed', 'false')
  await expect(sync).toContainText('off')
  const offLook = await sync.evaluate((element) => getComputedStyle(element).backgroundColor)
  await sync.click()
  await expect(sync).toHaveAttribute('aria-pressed', 'true')
  await expect(sync).toContainText('on')
  expect(await sync.evaluate((element) => getComputedStyle(element).backgroundColor)).not.toBe(
    offLook
  )

  await page.getByRole('row', { name: /Alpha dispatch/ }).dblclick()
  const title = 'Alpha dispatch from VELMORA'
  await expect(page.getByRole('article', { name: title })).toContainText('cranes stood idle')
  await page.evaluate(() => {
    const span = [...document.querySelectorAll<HTMLElement>('article.pane span[data-o]')].find(
      (element) => element.textContent?.includes('cranes stood idle')
    )!
    const node = span.firstChild as Text
    const select = (from: string, to: string): void => {
      const range = document.createRange()
      range.setStart(node, node.data.indexOf(from))
      range.setEnd(node, node.data.indexOf(to) + to.length)
      window.getSelection()!.removeAllRanges()
      window.getSelection()!.addRange(range)
    }
    ;(window as unknown as { selectSpan: typeof select }).selectSpan = select
  })
  const selectSpan = (from: string, to: string): Promise<void> =>
    page.evaluate(
      ([a, b]) =>
        (window as unknown as { selectSpan(a: string, b: string): void }).selectSpan(a!, b!),
      [from, to]
    )
  await selectSpan('cranes', 'idle')
  await page.keyboard.press('h')
  await expect.poll(() => paintedText(page, 'c1')).toEqual(['cranes stood idle'])
  await selectSpan('stood', 'unions')
  await page.keyboard.press('2')
  await page.keyboard.press('h')
  // The second highlight's part over the first draws its line above; the rest as usual.
  await expect.poll(() => paintedText(page, 'o2')).toEqual(['stood idle'])
  await expect.poll(() => paintedText(page, 'c2')).toEqual([' while the unions'])
  await expect.poll(() => paintedText(page, 'c1')).toEqual(['cranes stood idle'])
  await expect(page.getByText('earlier line below, later above')).toBeVisible()
  await expect(
    page.getByRole('list', { name: `Highlights in ${title}` }).getByRole('listitem')
  ).toHaveCount(2)
})

test('at 1024×700 the annotations panel shares its height by what the claims and highlights need', async ({
  page,
  host
}) => {
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Try with sample articles' }).click()
  const panel = page.getByRole('complementary', { name: 'Annotations' })
  const claims = panel.getByRole('list', { name: /^Claims in / })
  const highlights = panel.getByRole('list', { name: /^Highlights in / })
  await expect(claims.getByRole('button')).toHaveCount(5)
  await expect(highlights.getByRole('button')).toHaveCount(2)
  /** How many of a list's items are fully inside what its scroller shows. */
  const whollyShown = (list: typeof claims, only = 'button'): Promise<number> =>
    list.evaluate((element, selector) => {
      let scroller: Element | null = element
      while (scroller && getComputedStyle(scroller).overflowY !== 'auto')
        scroller = scroller.parentElement
      const view = scroller!.getBoundingClientRect()
      return [...element.querySelectorAll(selector)].filter((button) => {
        const { top, bottom, left, right } = button.getBoundingClientRect()
        return (
          top >= view.top - 1 &&
          bottom <= view.bottom + 1 &&
          right <= view.right + 1 &&
          left >= view.left - 1
        )
      }).length
    }, only)
  // Five claims and two highlights fit together; the claims do not stop at a fixed share.
  await expect.poll(() => whollyShown(claims)).toBe(5)
  await expect.poll(() => whollyShown(highlights)).toBe(2)
  // And nothing of the panel reaches past its right edge.
  const widths = await panel.evaluate((aside) => [aside.clientWidth, aside.scrollWidth])
  expect(widths[1]).toBeLessThanOrEqual(widths[0]!)
  // With a claim's card open, the card takes at most half the panel: the claim stays in
  // sight in the list below it, with the legend, and the highlights keep their place.
  await claims.getByRole('button').first().click()
  const card = panel.getByRole('region', { name: 'Selected claim' })
  await expect(card).toBeVisible()
  const [cardHeight, panelHeight] = await panel.evaluate((aside) => [
    aside.querySelector('.claim-card')!.getBoundingClientRect().height,
    aside.getBoundingClientRect().height
  ])
  expect(cardHeight).toBeLessThanOrEqual(panelHeight! * 0.5 + 1)
  await expect.poll(() => whollyShown(claims, 'button[aria-current="true"]')).toBe(1)
  await expect.poll(() => whollyShown(highlights)).toBeGreaterThanOrEqual(1)
})
