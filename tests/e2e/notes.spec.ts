import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import type { Annotation } from '../../src/shared/annotation'
import type { Claim } from '../../src/shared/claim'
import type { WindowApi } from '../../src/shared/hostEvents'
import type { Notebook } from '../../src/shared/notebook'
import type { RichNode } from '../../src/shared/richText'
import {
  clickQuote,
  dragAcross,
  expect,
  importSamples,
  openBoth,
  selectQuote,
  shots,
  test
} from './fixtures'

const wire = 'Port of Velmora Strike Enters Third Day as Talks Stall'
const opinion = 'The Velmora Strike Is Not Really About Cranes'
const highlighted = 'The union says roughly 2,400 workers have joined the stoppage.'
const claimed = 'only about 900 workers failed to clock in on Tuesday'

/** What the library holds, read through the API the page uses, not from what is shown. */
function stored(page: Page) {
  return page.evaluate(async () => {
    const api = (window as unknown as { api: WindowApi }).api
    const value = async <T>(pending: Promise<{ ok: true; value: T } | { ok: false }>) => {
      const result = await pending
      if (!result.ok) throw new Error('the API refused')
      return result.value
    }
    const articles = await value(api.listArticles({}))
    const byTitle = Object.fromEntries(articles.map((a) => [a.title, a.id]))
    const annotations: Annotation[] = []
    const claims: Claim[] = []
    for (const article of articles) {
      annotations.push(...(await value(api.listAnnotations({ articleId: article.id }))))
      claims.push(...(await value(api.listClaims({ articleId: article.id }))))
    }
    const notebooks: Notebook[] = []
    for (const meta of await value(api.listNotebooks({})))
      notebooks.push(await value(api.getNotebook({ id: meta.id })))
    return { byTitle, annotations, claims, notebooks }
  })
}

/** Every node of a document, depth first, for finding marks and quotes in it. */
function nodes(node: RichNode): RichNode[] {
  return [node, ...(node.content ?? []).flatMap(nodes)]
}

const saved = (within: ReturnType<Page['locator']>) =>
  expect(within.getByRole('status').filter({ hasText: 'Saved' }).first()).toHaveText('✓ Saved')

/** WCAG 2.1 A and AA rules, checked by axe on the page as it is now. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`
  )
}

/** The text selected in the page, as the reader shows it. */
const selection = (page: Page) => page.evaluate(() => window.getSelection()?.toString() ?? '')

test('formatted notes on a highlight and a claim; quotes from two articles lead back; a renamed notebook; all after a restart', async ({
  page,
  host
}) => {
  // The whole of it, with axe in both themes: longer than most.
  test.slow()
  await openBoth(page, host.url)

  // A highlight's note, written with Markdown shortcuts and keys, in its card.
  await selectQuote(page, wire, highlighted)
  await page.keyboard.press('h')
  const highlightCard = page.getByRole('region', { name: 'Selected highlight' })
  await highlightCard.getByRole('textbox', { name: 'Note on the highlight' }).click()
  await page.keyboard.type('## Turnout\nThe figure is the ')
  await page.keyboard.press('Control+b')
  await page.keyboard.type('union’s own')
  await page.keyboard.press('Control+b')
  await page.keyboard.type(' count.\n- payroll says 1,100')
  await saved(highlightCard)
  // Ctrl+Z in the note undoes typing there, not the highlight.
  await page.keyboard.type(' (unchecked)')
  await saved(highlightCard)
  await page.keyboard.press('Control+z')
  await expect(highlightCard).not.toContainText('(unchecked)')
  await saved(highlightCard)
  await expect(
    page.getByRole('list', { name: `Highlights in ${wire}` }).getByRole('listitem')
  ).toHaveCount(1)
  expect(await violations(page)).toEqual([])
  await page.screenshot({ path: `${shots}/highlight-note.png` })

  // A claim's note, with a link typed as a URL and italics.
  await dragAcross(page, opinion, claimed)
  await page.keyboard.press('c')
  const claimCard = page.getByRole('region', { name: 'Selected claim' })
  await claimCard.getByRole('textbox', { name: 'Note on the claim' }).click()
  await page.keyboard.type('Payroll: https://example.org/payroll and ')
  await page.keyboard.press('Control+i')
  await page.keyboard.type('no names')
  await page.keyboard.press('Control+i')
  await saved(claimCard)
  await page.screenshot({ path: `${shots}/claim-note.png` })

  // A notebook, renamed, with a few words of its own.
  await page.getByRole('button', { name: 'Notebooks', exact: true }).click()
  const notebooks = page.getByRole('region', { name: 'Notebooks' })
  await notebooks.getByRole('button', { name: 'New notebook' }).click()
  await notebooks.getByRole('button', { name: 'Rename' }).click()
  await notebooks.getByRole('textbox', { name: 'Notebook title' }).fill('Harbor strike')
  await page.keyboard.press('Enter')
  await expect(notebooks.getByRole('heading', { name: 'Harbor strike' })).toBeVisible()
  const editor = notebooks.getByRole('textbox', { name: 'Notebook Harbor strike' })
  await editor.click()
  await page.keyboard.type('# Assessment\nThe two counts disagree.\n')
  await saved(notebooks)

  // Back in the reader: Q quotes the selected highlight, then the selected claim.
  await page.getByRole('button', { name: 'Reader', exact: true }).click()
  await clickQuote(page, wire, 'roughly 2,400')
  await expect(highlightCard).toBeVisible()
  await page.keyboard.press('q')
  await expect(page.locator('.messages')).toContainText('Quoted in “Harbor strike”')
  await clickQuote(page, opinion, claimed)
  await expect(claimCard).toBeVisible()
  await claimCard.getByRole('button', { name: 'Quote in notebook' }).click()
  await page.getByRole('button', { name: 'Notebooks', exact: true }).click()
  const quotes = notebooks.getByRole('group', { name: /quoted from/ })
  await expect(quotes).toHaveCount(2)
  await expect(quotes.nth(0)).toContainText(highlighted)
  await expect(quotes.nth(0)).toContainText(wire)
  await expect(quotes.nth(1)).toContainText(claimed)
  await expect(quotes.nth(1)).toContainText(opinion)
  await saved(notebooks)
  await page.screenshot({ path: `${shots}/notebook.png` })
  expect(await violations(page)).toEqual([])
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await violations(page)).toEqual([])
  await page.screenshot({ path: `${shots}/notebook-dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })

  // Each quote leads back to its passage, selected in its article's pane.
  await quotes.nth(0).getByRole('button', { name: 'Go to passage' }).click()
  await expect(notebooks).toBeHidden()
  await expect.poll(() => selection(page)).toBe(highlighted)
  await expect(highlightCard).toContainText(highlighted)
  await page.getByRole('button', { name: 'Notebooks', exact: true }).click()
  await quotes.nth(1).getByRole('button', { name: 'Go to passage' }).click()
  await expect.poll(() => selection(page)).toBe(claimed)
  await expect(claimCard).toContainText(claimed)

  // Renamed, the article's quote shows its new title.
  await page.getByRole('row', { name: new RegExp(wire) }).click()
  await page.getByRole('button', { name: 'Details…' }).click()
  const details = page.getByRole('dialog')
  await details.getByRole('textbox', { name: 'Title' }).fill('Port strike, day three')
  await details.getByRole('button', { name: 'Save' }).click()
  await expect(details).toBeHidden()
  await page.getByRole('button', { name: 'Notebooks', exact: true }).click()
  await expect(quotes.nth(0)).toContainText('Port strike, day three')

  // Everything is on disk, as written, and back after a restart.
  await saved(notebooks)
  await host.restart()
  await page.goto(host.url)
  await expect(page.getByRole('article')).toHaveCount(2)
  const library = await stored(page)
  const note = library.annotations.find((a) => a.quote.exact === highlighted)!.note
  expect(note.content?.[0]).toEqual({
    type: 'heading',
    attrs: { level: 2 },
    content: [{ type: 'text', text: 'Turnout' }]
  })
  expect(nodes(note).find((n) => n.text === 'union’s own')?.marks).toEqual([{ type: 'bold' }])
  expect(nodes(note).some((n) => n.type === 'bulletList')).toBe(true)
  expect(JSON.stringify(note)).not.toContain('(unchecked)')
  const claimNote = library.claims.find((c) => c.quote.exact === claimed)!.note
  expect(nodes(claimNote).find((n) => n.text === 'https://example.org/payroll')?.marks).toEqual([
    { type: 'link', attrs: { href: 'https://example.org/payroll' } }
  ])
  expect(nodes(claimNote).find((n) => n.text === 'no names')?.marks).toEqual([{ type: 'italic' }])
  expect(library.notebooks.map((n) => n.title)).toEqual(['Harbor strike'])
  const body = library.notebooks[0]!.doc
  expect(body.content?.[0]).toMatchObject({ type: 'heading', attrs: { level: 1 } })
  expect(
    nodes(body)
      .filter((n) => n.type === 'passageQuote')
      .map((n) => n.attrs)
  ).toEqual([
    expect.objectContaining({
      articleId: library.byTitle['Port strike, day three'],
      kind: 'highlight',
      exact: highlighted,
      title: wire
    }),
    expect.objectContaining({
      articleId: library.byTitle[opinion],
      kind: 'claim',
      exact: claimed,
      title: opinion
    })
  ])
  await page.getByRole('button', { name: 'Notebooks', exact: true }).click()
  await notebooks.getByRole('button', { name: /Harbor strike/ }).click()
  await expect(quotes).toHaveCount(2)
  await expect(quotes.nth(0)).toContainText('Port strike, day three')

  // In the Trash, the quote says so instead of leading nowhere.
  await page.getByRole('button', { name: 'Reader', exact: true }).click()
  await page.getByRole('row', { name: new RegExp(opinion) }).click()
  await page.keyboard.press('Delete')
  await page.getByRole('button', { name: 'Notebooks', exact: true }).click()
  await expect(quotes.nth(1)).toContainText('in the Trash')
  await expect(quotes.nth(1).getByRole('button', { name: 'Go to passage' })).toHaveCount(0)
})

test('from the keyboard alone: a claim, its note, a quote, the way back, a renamed notebook', async ({
  page,
  host
}) => {
  await openBoth(page, host.url)
  const text = page.getByLabel(`Text of ${opinion}`)
  await text.focus()
  // Find leaves its match selected when closed, so C marks it.
  await page.keyboard.press('Control+f')
  await page.keyboard.type(claimed)
  await page.keyboard.press('Escape')
  await page.keyboard.press('c')
  const claimCard = page.getByRole('region', { name: 'Selected claim' })
  await expect(claimCard).toContainText(claimed)

  const tabTo = async (target: ReturnType<Page['locator']>, key = 'Tab') => {
    for (let i = 0; i < 120 && !(await target.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press(key)
    await expect(target).toBeFocused()
  }
  const note = claimCard.getByRole('textbox', { name: 'Note on the claim' })
  await tabTo(note)
  await page.keyboard.type('> Payroll records, ')
  await page.keyboard.press('Control+b')
  await page.keyboard.type('not a headcount')
  await saved(claimCard)
  // Tab leaves the note for the card's next control; there Q quotes the claim. With no
  // notebook yet, Dossier offers to start one.
  page.once('dialog', (dialog) => void dialog.accept())
  await page.keyboard.press('Tab')
  await expect(claimCard.getByRole('button', { name: 'Quote in notebook' })).toBeFocused()
  await page.keyboard.press('q')
  await expect(page.locator('.messages')).toContainText('Quoted in “Notebook”')

  // N shows the notebooks; in the notebook, ↑ selects the quote and Enter leads back.
  await page.keyboard.press('n')
  const notebooks = page.getByRole('region', { name: 'Notebooks' })
  await expect(notebooks).toBeVisible()
  const editor = notebooks.getByRole('textbox', { name: 'Notebook Notebook' })
  await tabTo(editor)
  await page.keyboard.press('Control+End')
  await page.keyboard.type('Weak against the payroll.')
  await page.keyboard.press('Home')
  await page.keyboard.press('ArrowUp')
  await page.keyboard.press('Enter')
  await expect(notebooks).toBeHidden()
  await expect.poll(() => selection(page)).toBe(claimed)
  await expect(claimCard).toContainText(claimed)

  // Rename the notebook, and find everything stored.
  await page.keyboard.press('n')
  await expect(editor).toBeFocused()
  const rename = notebooks.getByRole('button', { name: 'Rename' })
  await tabTo(rename, 'Shift+Tab')
  await page.keyboard.press('Enter')
  await page.keyboard.press('Control+a')
  await page.keyboard.type('Payroll')
  await page.keyboard.press('Enter')
  await expect(notebooks.getByRole('heading', { name: 'Payroll' })).toBeVisible()
  await saved(notebooks)
  const library = await stored(page)
  expect(library.notebooks.map((n) => n.title)).toEqual(['Payroll'])
  const body = library.notebooks[0]!.doc
  expect(body.content?.[0]).toMatchObject({ type: 'passageQuote', attrs: { kind: 'claim' } })
  expect(JSON.stringify(body)).toContain('Weak against the payroll.')
  const claimNote = library.claims[0]!.note
  expect(claimNote.content?.[0]?.type).toBe('blockquote')
  expect(nodes(claimNote).find((n) => n.text === 'not a headcount')?.marks).toEqual([
    { type: 'bold' }
  ])
})

test('a highlight dragged from the annotations panel drops into the article’s notes as a quote', async ({
  page,
  host
}) => {
  const review = await importSamples(page, host.url, ['harbor-strike-wire.txt'])
  await review.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('row', { name: new RegExp(wire) }).dblclick()
  await dragAcross(page, wire, highlighted)
  await page.keyboard.press('h')
  await page.getByRole('button', { name: `Notes on ${wire}` }).click()
  const drawer = page.getByRole('region', { name: `Notes on ${wire}` })
  const editor = drawer.getByRole('textbox', { name: `Notes on ${wire}` })
  await editor.click()
  await page.keyboard.type('Dropped here:')
  await page
    .getByRole('list', { name: `Highlights in ${wire}` })
    .getByRole('button', { name: new RegExp(highlighted.slice(0, 20)) })
    .dragTo(editor)
  const quote = drawer.getByRole('group', { name: /quoted from/ })
  await expect(quote).toContainText(highlighted)
  await saved(drawer)
  await page.screenshot({ path: `${shots}/article-notes.png` })
  const note = await page.evaluate(async () => {
    const api = (window as unknown as { api: WindowApi }).api
    const listed = await api.listArticles({})
    if (!listed.ok) throw new Error('the API refused')
    const stored = await api.getArticleNote({ articleId: listed.value[0]!.id })
    if (!stored.ok || !stored.value) throw new Error('no note')
    return stored.value.doc
  })
  // The editor keeps a paragraph after a block at the end, to type on in.
  expect(note.content?.map((n) => n.type)).toEqual(['paragraph', 'passageQuote', 'paragraph'])
  expect(note.content?.[1]?.attrs).toMatchObject({ kind: 'highlight', exact: highlighted })
})

test('every character typed into a notebook is there after an immediate reload', async ({
  page,
  host
}) => {
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Notebooks', exact: true }).click()
  await page.getByRole('button', { name: 'New notebook' }).click()
  const typed = 'Every character counts: 1,100 or 2,400? Ask the payroll clerk.'
  await page.getByRole('textbox', { name: 'Notebook Notebook' }).click()
  await page.keyboard.type(typed)
  // The last keys are well inside the autosave's quiet time: only the page's way out saves them.
  await page.reload()
  await expect
    .poll(async () => (await stored(page)).notebooks[0]?.doc)
    .toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: typed }] }]
    })
  await page.getByRole('button', { name: 'Notebooks', exact: true }).click()
  await page.getByRole('list', { name: 'Notebooks' }).getByRole('button').click()
  const editor = page.getByRole('textbox', { name: 'Notebook Notebook' })
  await expect(editor).toHaveText(typed)

  // Closing the tab: the save goes in a request that outlives the page.
  await editor.click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' Then the tab closed.')
  await page.close({ runBeforeUnload: true })
  const next = await page.context().newPage()
  await next.goto(host.url)
  await expect
    .poll(async () => JSON.stringify((await stored(next)).notebooks[0]?.doc))
    .toContain(`${typed} Then the tab closed.`)
})

test('a host killed mid-typing keeps everything up to the last “Saved”; the page says it is not saved', async ({
  page,
  host
}) => {
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Notebooks', exact: true }).click()
  const notebooks = page.getByRole('region', { name: 'Notebooks' })
  await notebooks.getByRole('button', { name: 'New notebook' }).click()
  const editor = notebooks.getByRole('textbox', { name: 'Notebook Notebook' })
  await editor.click()
  const acknowledged = 'Saved before the crash.'
  await page.keyboard.type(acknowledged)
  await saved(notebooks)
  const more = ' Typed as the host died.'
  await page.keyboard.type(more)
  await host.kill()
  await page.keyboard.type(' And after.')
  const status = notebooks.getByRole('status').filter({ hasText: 'saved' }).first()
  await expect(status).toHaveText('⚠ Not saved — retrying')
  // Nothing typed is discarded while the host is gone.
  await expect(editor).toHaveText(`${acknowledged}${more} And after.`)

  await host.restart()
  await page.goto(host.url)
  const text = (await stored(page)).notebooks[0]!.doc.content?.[0]?.content?.[0]?.text ?? ''
  expect(text.startsWith(acknowledged)).toBe(true)
  expect(`${acknowledged}${more}`.startsWith(text)).toBe(true)
})

test('hostile HTML pasted into a notebook runs nothing, loads nothing, and is not stored', async ({
  page,
  host
}) => {
  const requests: string[] = []
  await page.goto(host.url)
  await page.getByRole('button', { name: 'Notebooks', exact: true }).click()
  const notebooks = page.getByRole('region', { name: 'Notebooks' })
  await notebooks.getByRole('button', { name: 'New notebook' }).click()
  const editor = notebooks.getByRole('textbox', { name: 'Notebook Notebook' })
  await editor.click()
  page.on('request', (request) => {
    if (!new URL(request.url()).pathname.startsWith('/api/')) requests.push(request.url())
  })
  const external = 'http://127.0.0.1:9'
  const html = [
    '<meta charset="utf-8"><style>p { background: url(' + external + '/style.png) }</style>',
    '<h2 style="color: red" onclick="window.pwned = 1">Findings</h2>',
    '<p class="MsoNormal" style="background-image: url(' + external + '/inline.png)">',
    '<b>Bold</b>, <span style="font-style: italic">styled</span> and <i>italic</i><o:p></o:p></p>',
    '<ul><li>first</li><li>second</li></ul>',
    '<p><a href="javascript:window.pwned=1">js link</a> <a href="data:text/html,<script>window.pwned=1</script>">data link</a>',
    ' <a href="https://example.org/ok" onclick="window.pwned=1" title="t" class="c">web link</a></p>',
    '<img src="x" onerror="window.pwned=1"><img src="' + external + '/img.png">',
    '<script>window.pwned = 1</script>',
    '<iframe src="' + external + '/frame"></iframe>',
    '<svg onload="window.pwned=1"><image href="' + external + '/svg.png"/></svg>',
    '<object data="' + external + '/object"></object>',
    '<form action="' + external + '/form"><input value="x"></form>'
  ].join('')
  await editor.evaluate((element, pasted) => {
    const data = new DataTransfer()
    data.setData('text/html', pasted)
    data.setData('text/plain', 'Findings')
    element.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })
    )
  }, html)
  await expect(editor.locator('h2')).toHaveText('Findings')
  await saved(notebooks)
  // Wait out anything that would load or run late.
  await page.waitForTimeout(500)
  expect(await page.evaluate(() => (window as { pwned?: number }).pwned)).toBeUndefined()
  expect(requests).toEqual([])
  expect(await editor.locator('img, iframe, script, style, svg, object, form').count()).toBe(0)
  expect(await editor.locator('[style], [onclick], [onerror]').count()).toBe(0)

  const stored_ = JSON.stringify((await stored(page)).notebooks[0]!.doc)
  for (const gone of [
    'javascript:',
    'data:',
    'pwned',
    'url(',
    'color',
    'onclick',
    'onerror',
    '127.0.0.1',
    'MsoNormal',
    '"title"',
    '"class"'
  ])
    expect(stored_).not.toContain(gone)
  // The structure and the web link stay.
  const doc = (await stored(page)).notebooks[0]!.doc
  expect(doc.content?.map((n) => n.type)).toEqual([
    'heading',
    'paragraph',
    'bulletList',
    'paragraph'
  ])
  expect(nodes(doc).find((n) => n.text === 'web link')?.marks).toEqual([
    { type: 'link', attrs: { href: 'https://example.org/ok' } }
  ])
  expect(nodes(doc).find((n) => n.text === 'Bold')?.marks).toEqual([{ type: 'bold' }])

  // The link opens outside the app, never in it: Ctrl+click asks for a new, unrelated window.
  await page.evaluate(() => {
    const opened: unknown[] = []
    ;(window as { opened?: unknown[] }).opened = opened
    window.open = (...args: unknown[]) => {
      opened.push(args)
      return null
    }
  })
  await editor.getByText('web link').click({ modifiers: ['Control'] })
  expect(await page.evaluate(() => (window as { opened?: unknown[] }).opened)).toEqual([
    ['https://example.org/ok', '_blank', 'noopener']
  ])
  await expect(page).toHaveURL(new RegExp(`^${host.url.split('#')[0]}`))
})

test('a note left at once is saved all the same: the drawer closed, another notebook opened, the article switched', async ({
  page,
  host
}) => {
  const review = await importSamples(page, host.url, [
    'harbor-strike-wire.txt',
    'harbor-strike-opinion.txt'
  ])
  await review.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('row', { name: new RegExp(wire) }).dblclick()
  await expect(page.getByRole('article', { name: wire })).toContainText('2,400 workers')
  // Each text is typed and left well inside the autosave's half second of quiet, so only
  // the way out saves it.
  const articleNote = async (): Promise<string> =>
    page.evaluate(async () => {
      const api = (window as unknown as { api: WindowApi }).api
      const listed = await api.listArticles({})
      if (!listed.ok) throw new Error('the API refused')
      for (const article of listed.value) {
        const note = await api.getArticleNote({ articleId: article.id })
        if (note.ok && note.value) return JSON.stringify(note.value.doc)
      }
      return ''
    })

  // The article's notes drawer, closed.
  await page.getByRole('button', { name: `Notes on ${wire}` }).click()
  await page.getByRole('textbox', { name: `Notes on ${wire}` }).click()
  await page.keyboard.type('Closed at once.')
  await page.getByRole('button', { name: `Close the notes on ${wire}` }).click()
  await expect.poll(articleNote).toContain('Closed at once.')

  // A highlight's note in its card, then another article in the same pane.
  await selectQuote(page, wire, highlighted)
  await page.keyboard.press('h')
  const card = page.getByRole('region', { name: 'Selected highlight' })
  await card.getByRole('textbox', { name: 'Note on the highlight' }).click()
  await page.keyboard.type('Left for the opinion piece.')
  await page.getByRole('row', { name: new RegExp(opinion) }).dblclick()
  await expect(page.getByRole('article', { name: opinion })).toContainText('900 workers')
  await expect
    .poll(async () => (await stored(page)).annotations.map((a) => JSON.stringify(a.note)))
    .toEqual([expect.stringContaining('Left for the opinion piece.')])

  // A notebook, then another one opened in its place.
  await page.getByRole('button', { name: 'Notebooks', exact: true }).click()
  await page.getByRole('button', { name: 'New notebook' }).click()
  await page.getByRole('textbox', { name: 'Notebook Notebook' }).click()
  await page.keyboard.type('First notebook, left at once.')
  await page.getByRole('button', { name: 'New notebook' }).click()
  await expect(page.getByRole('textbox', { name: 'Notebook Notebook 2' })).toBeVisible()
  await expect
    .poll(async () => (await stored(page)).notebooks.map((n) => JSON.stringify(n.doc)))
    .toContainEqual(expect.stringContaining('First notebook, left at once.'))
})

test('a long notebook, drawn only where it is seen: typing lands at the caret anywhere in it, and a copy of it all holds every block', async ({
  page,
  host
}) => {
  const count = 400
  const line = (n: number): string =>
    // One line each, so End goes to the end of the paragraph.
    `Paragraph ${n}: the clerk counted the workers.`
  await page.goto(host.url)
  await page.evaluate(
    async ({ count, lines }) => {
      const api = (window as unknown as { api: WindowApi }).api
      const created = await api.createNotebook({ title: 'Long' })
      if (!created.ok) throw new Error('the API refused')
      const content = Array.from({ length: count }, (_, i) =>
        i % 25 === 0
          ? { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: lines[i]! }] }
          : { type: 'paragraph', content: [{ type: 'text', text: lines[i]! }] }
      )
      const saved = await api.saveNotebook({ id: created.value.id, doc: { type: 'doc', content } })
      if (!saved.ok) throw new Error('the API refused')
    },
    { count, lines: Array.from({ length: count }, (_, i) => line(i + 1)) }
  )
  await page.reload()
  await page.getByRole('button', { name: 'Notebooks', exact: true }).click()
  await page.getByRole('button', { name: /^Long/ }).click()
  const editor = page.getByRole('textbox', { name: 'Notebook Long' })
  // Blocks far below are skipped by the browser's rendering (content-visibility), not absent.
  await expect(editor.locator(':scope > *')).toHaveCount(count)
  expect(
    await editor
      .locator(':scope > p')
      .last()
      .evaluate((p) => getComputedStyle(p).contentVisibility)
  ).toBe('auto')

  // The end and the start, from the keyboard.
  await editor.locator(':scope > *').first().click()
  await page.keyboard.press('Control+End')
  await page.keyboard.type(' The end.')
  await page.keyboard.press('Control+Home')
  await page.keyboard.type('Start. ')
  // A paragraph far down, scrolled to and clicked.
  const far = editor.locator(':scope > p', { hasText: line(300) })
  // Blocks drawn as they come into view take their real heights, so the paragraph can move
  // under the pointer just after the scroll: click again until the caret is in it.
  await expect(async () => {
    await far.scrollIntoViewIfNeeded()
    await far.click()
    expect(await far.evaluate((p) => p.contains(getSelection()?.anchorNode ?? null))).toBe(true)
  }).toPass()
  await page.keyboard.press('End')
  await page.keyboard.type(' Noted.')
  await expect(far).toHaveText(`${line(300)} Noted.`)
  // Clicked again mid-line, then End and Backspace at once: the key acts at the caret shown.
  await far.click()
  await page.keyboard.press('End')
  await page.keyboard.press('Backspace')
  await expect(far).toHaveText(`${line(300)} Noted`)

  const texts = async (): Promise<string[]> =>
    (await stored(page)).notebooks
      .find((n) => n.title === 'Long')!
      .doc.content!.map((block) => block.content?.map((t) => t.text).join('') ?? '')
  await expect
    .poll(texts)
    .toEqual(
      Array.from({ length: count }, (_, i) =>
        i === 0
          ? `Start. ${line(1)}`
          : i === 299
            ? `${line(300)} Noted`
            : i === count - 1
              ? `${line(count)} The end.`
              : line(i + 1)
      )
    )

  // Select all and copy: the editor copies the document, every block, not what is drawn.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
  await page.keyboard.press('Control+a')
  await page.keyboard.press('Control+c')
  const copied = await page.evaluate(() => navigator.clipboard.readText())
  expect(copied.split(/\n+/).filter(Boolean)).toHaveLength(count)
  expect(copied).toContain(`${line(200)}`)
  expect(copied).toContain(`${line(count)} The end.`)
})
