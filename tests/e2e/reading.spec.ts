import { execFileSync } from 'node:child_process'
import type { Page } from '@playwright/test'
import {
  expect,
  importSamples,
  importText,
  paintedText,
  selectQuote,
  shots,
  test
} from './fixtures'

test('the fixture articles decode right, and their characters reach the reader intact', async ({
  page,
  host
}) => {
  const review = await importSamples(page, host.url, [
    'harbor-strike-wire.utf16.txt',
    'velmora-cafes.cp1252.txt',
    'summit-talks.txt'
  ])
  await expect(review).toContainText('3 imported')
  await expect(review).toContainText('utf-16le')
  await expect(review).toContainText('windows-1252')
  await review.getByRole('button', { name: 'Close' }).click()
  // Each article's own characters, as the reader renders them.
  const expected: [RegExp, string[]][] = [
    [/caf/i, ['Café', '€', '½', '’', '—', '“', '”']],
    [/Port of Velmora/, ['VELMORA — Dock workers', "Dockers' Union"]],
    [/Border Talks/, ['—', '’', '“', '”', 'Dražić', 'Kestria’s']]
  ]
  for (const [row, characters] of expected) {
    await page.getByRole('row').filter({ hasText: row }).first().dblclick()
    const pane = page.getByRole('article').first()
    for (const character of characters) await expect(pane).toContainText(character)
    await expect(pane).not.toContainText('\uFFFD')
  }
})

test('hostile text is shown as text, never run, and the CSP blocks inline script', async ({
  page,
  host
}) => {
  const requests: string[] = []
  page.on('request', (request) => requests.push(request.url()))
  await page.goto(host.url)
  const hostile = [
    'Hostile sample',
    '<script>window.__pwned = 1</script>',
    '<img src=x onerror="window.__pwned = 2">',
    '<svg onload="window.__pwned = 3"></svg>',
    '<img src="http://127.0.0.1:9/beacon">'
  ].join('\n')
  await importText(page, [{ name: 'hostile.txt', text: hostile }])
  await page.getByRole('row', { name: /Hostile sample/ }).dblclick()
  const pane = page.getByRole('article', { name: 'Hostile sample' })
  await expect(pane).toContainText('<script>window.__pwned = 1</script>')
  await expect(pane.locator('img, svg, script')).toHaveCount(0)
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(requests.filter((url) => url.includes(':9/'))).toEqual([])

  const blocked = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        document.addEventListener(
          'securitypolicyviolation',
          (event) => resolve(event.violatedDirective),
          { once: true }
        )
        const script = document.createElement('script')
        script.textContent = 'window.__pwned = 4'
        document.body.append(script)
      })
  )
  expect(blocked).toMatch(/script-src/)
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
})

test('right-to-left, CJK and emoji text highlights on whole characters', async ({ page, host }) => {
  await page.goto(host.url)
  const text = [
    'Scripts sample',
    'العربية: قال المتحدث إن الميناء مغلق',
    '中文：港口关闭了三天',
    'Emoji 👩🏽‍⚕️ and 🚢 ships'
  ].join('\n')
  await importText(page, [{ name: 'scripts.txt', text }])
  await page.getByRole('row', { name: /Scripts sample/ }).dblclick()
  const title = 'Scripts sample'
  await selectQuote(page, title, 'الميناء مغلق')
  await page.keyboard.press('h')
  await selectQuote(page, title, '港口关闭')
  await page.keyboard.press('2')
  await page.keyboard.press('h')
  await selectQuote(page, title, '🚢 ships')
  await page.keyboard.press('3')
  await page.keyboard.press('h')
  await expect(
    page.getByRole('list', { name: `Highlights in ${title}` }).getByRole('listitem')
  ).toHaveCount(3)
  await expect.poll(() => paintedText(page, 'c1')).toEqual(['الميناء مغلق'])
  await expect.poll(() => paintedText(page, 'c2')).toEqual(['港口关闭'])
  await expect.poll(() => paintedText(page, 'c3')).toEqual(['🚢 ships'])
  // The layers are styled on the article's text, which its lines inherit (highlight
  // inheritance); nothing outside the reader carries highlight styles.
  const layerStyle = (selector: string) =>
    page.evaluate((css) => {
      const style = getComputedStyle(document.querySelector(css)!, '::highlight(dossier-c2)')
      return { background: style.backgroundColor, line: style.textDecorationLine }
    }, selector)
  const inReader = await layerStyle('.article-text .line:nth-child(3) span')
  expect(inReader.line).toBe('underline')
  expect(inReader.background).not.toBe('rgba(0, 0, 0, 0)')
  expect((await layerStyle('.library-table, header, button')).line).toBe('none')
  await expect(page.getByRole('article', { name: title }).locator('.line').nth(1)).toHaveAttribute(
    'dir',
    'auto'
  )
  await page.screenshot({ path: `${shots}/scripts.png` })
})

test('Han characters take Japanese forms in a Japanese article and Chinese forms in a Chinese one', async ({
  page,
  host
}) => {
  await page.goto(host.url)
  await importText(page, [
    {
      name: 'ja.txt',
      text: '港湾スト三日目\n港湾労働者は三日目もストライキを続けている。\n労働組合'
    },
    { name: 'zh.txt', text: '港口罢工第三天\n港口工人罢工进入第三天。' }
  ])
  const fontsOf = async (title: string, line: number): Promise<string[]> => {
    await page.getByRole('row', { name: new RegExp(title) }).dblclick()
    const article = page.getByRole('article', { name: title })
    const span = article.locator('.line').nth(line).locator('span').first()
    await expect(span).toBeVisible()
    return platformFonts(page, `[aria-label="${title}"] .line:nth-child(${line + 1}) span`)
  }
  // Kana tell the article is Japanese: every line with Han is marked, kanji-only ones too.
  const ja = page.getByRole('article', { name: '港湾スト三日目' })
  // A line of kanji alone: only Han characters, so only the face chosen for them shows.
  expect(await fontsOf('港湾スト三日目', 2)).toEqual(['Noto Serif CJK JP'])
  await expect(ja.locator('.line').nth(1)).toHaveAttribute('lang', 'ja')
  await expect(ja.locator('.line').nth(2)).toHaveAttribute('lang', 'ja')
  const zhFonts = await fontsOf('港口罢工第三天', 1)
  expect(zhFonts).toEqual(['Noto Serif CJK SC'])
  await expect(
    page.getByRole('article', { name: '港口罢工第三天' }).locator('.line').nth(1)
  ).not.toHaveAttribute('lang', /./)
})

test('kanji-only quotes of a Japanese article keep Japanese forms in the panel, and search snippets with kana too', async ({
  page,
  host
}) => {
  await page.goto(host.url)
  const ja = '港湾スト三日目'
  await importText(page, [
    { name: 'ja.txt', text: `${ja}\n港湾労働者は三日目もストライキを続けている。\n労働組合` },
    { name: 'zh.txt', text: '港口罢工第三天\n港口工人罢工进入第三天。' }
  ])
  await page.getByRole('row', { name: new RegExp(ja) }).dblclick()
  await selectQuote(page, ja, '労働組合')
  await page.keyboard.press('h')
  const highlight = page.locator('.annotation-text', { hasText: '労働組合' })
  await expect(highlight).toHaveAttribute('lang', 'ja')
  await selectQuote(page, ja, '労働組合')
  await page.keyboard.press('c')
  const quote = page.getByRole('region', { name: 'Selected claim' }).locator('.claim-quote')
  await expect(quote).toHaveText('労働組合')
  await expect(quote).toHaveAttribute('lang', 'ja')
  await expect(page.locator('.claim-row-text', { hasText: '労働組合' })).toHaveAttribute(
    'lang',
    'ja'
  )
  // Kanji alone, so only the face chosen for Han shows: the Japanese one.
  expect(await platformFonts(page, '.claim-quote')).toEqual(['Noto Serif CJK JP'])
  expect(await platformFonts(page, '.annotation-text')).toEqual(['Noto Serif CJK JP'])

  // Search: a snippet with kana is Japanese; one of Chinese text is not marked.
  await page.keyboard.press('Escape')
  await page.keyboard.press('Control+k')
  const panel = page.getByRole('dialog', { name: 'Search the library' })
  await panel.getByRole('combobox', { name: /Search articles/ }).fill('三日目')
  const jaSnippet = panel.getByRole('group', { name: ja }).locator('.search-snippet').first()
  await expect(jaSnippet).toHaveAttribute('lang', 'ja')
  const snippetFonts = await platformFonts(page, '.search-snippet')
  expect(snippetFonts).toContain('Noto Sans CJK JP')
  expect(snippetFonts).not.toContain('Noto Sans CJK SC')
  await panel.getByRole('combobox', { name: /Search articles/ }).fill('港口工人')
  const zhSnippet = panel
    .getByRole('group', { name: '港口罢工第三天' })
    .locator('.search-snippet')
    .first()
  await expect(zhSnippet).toBeVisible()
  await expect(zhSnippet).not.toHaveAttribute('lang', /./)
  // Its Han in the Chinese face (punctuation and spaces may come from the Latin one).
  const zhSnippetFonts = await platformFonts(page, '.search-snippet')
  expect(zhSnippetFonts).toContain('Noto Sans CJK SC')
  expect(zhSnippetFonts).not.toContain('Noto Sans CJK JP')
})

test('a 2 MB single-line file opens, stays responsive, and highlights at the far end', async ({
  page,
  host
}) => {
  await page.goto(host.url)
  const words = 'port strike cranes union authority vessels anchor harbor '
  const line =
    words.repeat(Math.ceil(2_000_000 / words.length)).slice(0, 2_000_000) + 'THE LAST WORDS'
  await importText(page, [{ name: 'one-line.txt', text: `One line\n${line}` }])
  await page.getByRole('row', { name: /One line/ }).dblclick()
  const pane = page.getByRole('article', { name: 'One line' })
  await expect(pane.locator('span[data-o]').last()).toContainText('THE LAST WORDS')
  expect(await pane.locator('span[data-o]').count()).toBeGreaterThan(1000)
  await selectQuote(page, 'One line', 'THE LAST WORDS')
  await page.keyboard.press('h')
  await expect.poll(() => paintedText(page, 'c1')).toEqual(['THE LAST WORDS'])
})

test('library: sort, filter, keyboard, Trash and restore; panes: maximise, reorder, close, find', async ({
  page,
  host
}) => {
  await page.goto(host.url)
  await importText(page, [
    { name: 'a.txt', text: 'Alpha report\n\nThe harbor was closed. The harbor reopened.' },
    { name: 'b.txt', text: 'Bravo report\n\nNothing about ports here.' },
    { name: 'c.txt', text: 'Charlie report\n\nA third text.' }
  ])
  const rows = page.getByRole('grid', { name: 'Articles' }).locator('tbody tr')
  await page.getByRole('button', { name: 'Title' }).click()
  await expect(rows.first()).toHaveAccessibleName(/Alpha report/)
  await page.getByRole('button', { name: 'Title' }).click()
  await expect(rows.first()).toHaveAccessibleName(/Charlie report/)

  await page.getByRole('searchbox', { name: 'Filter articles' }).fill('bravo')
  await expect(rows).toHaveCount(1)
  await page.getByRole('searchbox', { name: 'Filter articles' }).fill('')

  // Keyboard: select the first row, move down, open it, then open another beside it.
  await rows.first().click()
  await page.keyboard.press('ArrowDown')
  await expect(rows.nth(1)).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('article', { name: 'Bravo report' })).toBeVisible()
  await rows.nth(2).click()
  await page.keyboard.press('Shift+Enter')
  await expect(page.getByRole('article')).toHaveCount(2)

  await page.getByRole('button', { name: 'Maximise Alpha report' }).click()
  await expect(page.getByRole('article')).toHaveCount(1)
  await page.getByRole('button', { name: 'Restore Alpha report' }).click()
  await expect(page.getByRole('article')).toHaveCount(2)
  await page.getByRole('button', { name: 'Move Alpha report left' }).click()
  await expect(page.getByRole('article').first()).toHaveAccessibleName('Alpha report')

  await page.getByRole('article', { name: 'Alpha report' }).click()
  await page.keyboard.press('Control+f')
  await page.getByRole('searchbox', { name: 'Find in article' }).fill('harbor')
  await expect(page.getByRole('search')).toContainText('1 of 2')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('search')).toContainText('2 of 2')
  await expect.poll(() => paintedText(page, 'find')).toEqual(['harbor', 'harbor'])
  await page.keyboard.press('Escape')

  await page.getByRole('button', { name: 'Close Bravo report' }).click()
  await expect(page.getByRole('article')).toHaveCount(1)

  // Trash: delete from the keyboard, restore, and empty with confirmation.
  await rows.filter({ hasText: 'Charlie report' }).click()
  await page.keyboard.press('Delete')
  await expect(rows).toHaveCount(2)
  await page.getByRole('button', { name: 'Trash (1)' }).click()
  const trashRows = page.getByRole('grid', { name: 'Articles in the Trash' }).locator('tbody tr')
  await expect(trashRows).toHaveCount(1)
  await trashRows.first().click()
  await page.getByRole('button', { name: 'Restore' }).click()
  await page.getByRole('button', { name: 'Back to library' }).click()
  await expect(rows).toHaveCount(3)
  await rows.filter({ hasText: 'Bravo report' }).click()
  await page.getByRole('button', { name: 'Move to Trash' }).click()
  await page.getByRole('button', { name: 'Trash (1)' }).click()
  page.once('dialog', (dialog) => void dialog.accept())
  await page.getByRole('button', { name: 'Empty Trash…' }).click()
  await expect(page.getByRole('button', { name: 'Back to library' })).toBeVisible()
  await expect(page.getByText('The Trash is empty.')).toBeVisible()
  await page.screenshot({ path: `${shots}/trash.png` })
})

test('colour names are editable and come back after a restart', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByRole('radio', { name: /Question/ }).dblclick()
  const name = page.getByRole('textbox', { name: 'Name of colour 2' })
  await name.fill('Needs checking')
  await name.press('Enter')
  await expect(page.getByRole('radio', { name: /Needs checking/ })).toBeVisible()
  await expect(page.locator('[data-workspace-saved="true"]')).toBeVisible()
  await host.restart()
  await page.goto(host.url)
  await expect(page.getByRole('radio', { name: /Needs checking/ })).toBeVisible()
})

test('a large library renders only the rows in view, and the keyboard reaches every row', async ({
  page,
  host
}) => {
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Import…' }).click()
  await page.locator('input[type=file]').setInputFiles(
    Array.from({ length: 600 }, (_, i) => ({
      name: `note-${String(i).padStart(3, '0')}.txt`,
      mimeType: 'text/plain',
      buffer: Buffer.from(
        `Field note ${String(i).padStart(3, '0')}\n\nObserved at the northern gate.`
      )
    }))
  )
  await page
    .getByRole('dialog', { name: 'Import finished' })
    .getByRole('button', { name: 'Close' })
    .click()
  await expect(page.getByText('600 articles', { exact: true })).toBeVisible()
  const grid = page.getByRole('grid', { name: 'Articles' })
  await expect(grid).toHaveAttribute('aria-rowcount', '601')
  expect(await grid.locator('tbody tr[data-id]').count()).toBeLessThan(120)

  await page.getByRole('button', { name: 'Title' }).click()
  await grid.locator('tbody tr[data-id]').first().click()
  await page.keyboard.press('End')
  const last = page.getByRole('row', { name: /Field note 599/ })
  await expect(last).toBeFocused()
  await expect(last).toBeInViewport()
  // Scrolling far away keeps the focused row (and the keyboard) where it was.
  await grid
    .locator('xpath=ancestor::*[contains(@class,"table-scroll")][1]')
    .evaluate((scroller) => scroller.scrollTo({ top: 0 }))
  await expect(page.getByRole('row', { name: /Field note 000/ })).toBeVisible()
  await expect(last).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('article', { name: 'Field note 599' })).toBeVisible()

  // Delete moves the article to the Trash and the keyboard on to the next row.
  await page.getByRole('row', { name: /Field note 010/ }).click()
  await page.keyboard.press('Delete')
  await expect(page.getByRole('row', { name: /Field note 011/ })).toBeFocused()
  await expect(page.getByText('599 articles', { exact: true })).toBeVisible()
  await page.keyboard.press('Delete')
  await expect(page.getByRole('row', { name: /Field note 012/ })).toBeFocused()
  await expect(page.getByRole('button', { name: 'Trash (2)' })).toBeVisible()
})

/** Whether fc-list has been asked, once per worker, for the Noto CJK fonts. */
let notoCjkChecked = false

/** The fonts Chromium used for the text of the first element the selector finds. */
async function platformFonts(page: Page, selector: string): Promise<string[]> {
  if (!notoCjkChecked) {
    const cjk = execFileSync('fc-list', [':lang=ja', 'family'], { encoding: 'utf8' })
    if (!cjk.includes('Noto Serif CJK JP') || !cjk.includes('Noto Sans CJK SC')) {
      throw new Error(
        'The Noto CJK fonts are not installed, and these checks are of the faces Chromium picks among them: apt-get install fonts-noto-cjk (.ci/run does)'
      )
    }
    notoCjkChecked = true
  }
  const cdp = await page.context().newCDPSession(page)
  await cdp.send('DOM.enable')
  await cdp.send('CSS.enable')
  const { root } = await cdp.send('DOM.getDocument', { depth: -1 })
  const { nodeIds } = await cdp.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector })
  const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId: nodeIds[0]! })
  await cdp.detach()
  return fonts.map((font) => font.familyName)
}
