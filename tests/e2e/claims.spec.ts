import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import type { WindowApi } from '../../src/shared/hostEvents'
import type { Result } from '../../src/shared/result'
import { clickQuote, expect, openBoth, paintedText, selectQuote, shots, test } from './fixtures'

const wire = 'Port of Velmora Strike Enters Third Day as Talks Stall'
const opinion = 'The Velmora Strike Is Not Really About Cranes'
const union = 'Velmora Dockers’ Union'

interface StoredClaim {
  exact: string
  status: string
  credibility: number | null
  claimant: string | null
  reliability: string | null
  links: number
}
interface Stored {
  claims: StoredClaim[]
  sources: { name: string; reliability: string | null }[]
}

/** What the library holds, read through the API the page uses, not from what is shown. */
function storedClaims(page: Page): Promise<Stored> {
  return page.evaluate(async () => {
    const api = (window as unknown as { api: WindowApi }).api
    const [board, sources] = await Promise.all([api.listClaimBoard({}), api.listSources({})])
    if (!board.ok || !sources.ok) throw new Error('the API refused')
    return {
      // The board comes by column (ClaimBoard): claim i is position i of each.
      claims: board.value.claims.id
        .map((_, i) => {
          const { claims } = board.value
          const claimant = board.value.sources[claims.source[i]!]
          return {
            exact: claims.exact[i]!,
            status: claims.status[i]!,
            credibility: claims.credibility[i] || null,
            claimant: claimant?.name ?? null,
            reliability: claimant?.reliability ?? null,
            links: claims.links[i]!
          }
        })
        .sort((a, b) => a.exact.localeCompare(b.exact)),
      sources: sources.value.map((s) => ({ name: s.name, reliability: s.reliability ?? null }))
    }
  })
}

const wireClaim: StoredClaim = {
  exact: 'roughly 2,400 workers have joined the stoppage',
  status: 'unreviewed',
  credibility: null,
  claimant: null,
  reliability: null,
  links: 0
}
const opinionClaim: StoredClaim = {
  exact: 'only about 900 workers failed to clock in on Tuesday',
  status: 'unreviewed',
  credibility: null,
  claimant: null,
  reliability: null,
  links: 0
}
/** The library after each step of the main test, and the toast that undoing it shows. */
const steps: { after: Stored; undid: string }[] = [
  { after: { claims: [wireClaim], sources: [] }, undid: 'Undid: new claim “roughly 2,400' },
  {
    after: { claims: [wireClaim], sources: [{ name: union, reliability: null }] },
    undid: `Undid: new source “${union}” (organisation)`
  },
  {
    after: {
      claims: [{ ...wireClaim, claimant: union }],
      sources: [{ name: union, reliability: null }]
    },
    undid: `Undid: claimant of claim “roughly 2,400 workers have joined the…” no one → ${union}`
  },
  {
    after: {
      claims: [{ ...wireClaim, claimant: union, reliability: 'B' }],
      sources: [{ name: union, reliability: 'B' }]
    },
    undid: `Undid: reliability of “${union}” ? → B`
  },
  {
    after: {
      claims: [{ ...wireClaim, claimant: union, reliability: 'B', credibility: 3 }],
      sources: [{ name: union, reliability: 'B' }]
    },
    undid: 'Undid: credibility of claim “roughly 2,400 workers have joined the…” ? → 3'
  },
  {
    after: {
      claims: [opinionClaim, { ...wireClaim, claimant: union, reliability: 'B', credibility: 3 }],
      sources: [{ name: union, reliability: 'B' }]
    },
    undid: 'Undid: new claim “only about 900'
  },
  {
    after: {
      claims: [
        { ...opinionClaim, links: 1 },
        { ...wireClaim, claimant: union, reliability: 'B', credibility: 3, links: 1 }
      ],
      sources: [{ name: union, reliability: 'B' }]
    },
    undid: 'Undid: link: “only about 900 workers failed…” contradicts “roughly 2,400 workers have…”'
  }
]
const expected = { linked: steps.at(-1)!.after }

/**
 * Every toast the page shows from now on, kept after it fades, so a slow machine cannot
 * make a test miss one.
 */
async function recordToasts(page: Page): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = []
    ;(window as unknown as { toasts: string[] }).toasts = seen
    const box = document.querySelector('.messages')!
    new MutationObserver(() => {
      for (const p of box.querySelectorAll('p'))
        if (!seen.includes(p.textContent ?? '')) seen.push(p.textContent ?? '')
    }).observe(box, { childList: true, subtree: true, characterData: true })
  })
  return () => page.evaluate(() => (window as unknown as { toasts: string[] }).toasts)
}

/** Undoes every step back to an empty library, then redoes them all, checking each. */
async function undoRedoEachStep(page: Page): Promise<void> {
  const toasts = await recordToasts(page)
  const said = async (text: string): Promise<void> =>
    expect.poll(async () => (await toasts()).some((t) => t.includes(text))).toBe(true)
  for (let i = steps.length - 1; i >= 0; i--) {
    await page.keyboard.press('Control+z')
    await said(steps[i]!.undid)
    const before = i === 0 ? { claims: [], sources: [] } : steps[i - 1]!.after
    await expect.poll(() => storedClaims(page)).toEqual(before)
  }
  for (const step of steps) {
    await page.keyboard.press('Control+Shift+z')
    await said(step.undid.replace('Undid:', 'Redid:'))
    await expect.poll(() => storedClaims(page)).toEqual(step.after)
  }
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

test('claims: mark, attribute, grade, link, corroborate, survive a restart', async ({
  page,
  host
}) => {
  await openBoth(page, host.url)
  await selectQuote(page, wire, 'roughly 2,400 workers have joined the stoppage')
  await page.keyboard.press('c')
  const card = page.getByRole('region', { name: 'Selected claim' })
  await expect(card).toContainText('roughly 2,400 workers have joined the stoppage')
  await expect
    .poll(() => paintedText(page, 'claim-unreviewed'))
    .toEqual(['roughly 2,400 workers have joined the stoppage'])

  // The claimant: a new source of the registry, made from the combobox.
  const claimant = card.getByRole('combobox', { name: 'Claimant', exact: true })
  await claimant.fill('Velmora Dockers’ Union')
  await page.getByRole('option', { name: `Add “${union}” as a new source` }).click()
  await card.getByRole('combobox', { name: `“${union}” is a` }).selectOption('organisation')
  await card.getByRole('button', { name: 'Add source' }).click()
  await expect(claimant).toHaveValue(union)

  // Reliability belongs to the source and asks why; credibility belongs to the claim.
  await card.getByRole('combobox', { name: 'Reliability of claimant' }).selectOption('B')
  await card
    .getByRole('textbox', { name: `Why is “${union}” now B?` })
    .fill('accurate on turnout in 2024')
  await card.getByRole('button', { name: 'Save grade' }).click()
  await card.getByRole('combobox', { name: 'Credibility' }).selectOption('3')
  await expect(card.getByLabel(/^Grade B3/)).toBeVisible()

  // The claim in the other article, linked to the first as contradicting it.
  await selectQuote(page, opinion, 'only about 900 workers failed to clock in on Tuesday')
  await page.getByRole('button', { name: 'Claim', exact: true }).first().click()
  await expect(card).toContainText('only about 900 workers')
  await page.keyboard.press('l')
  const picker = card.getByRole('region', { name: /^Link “/ })
  await picker.getByRole('combobox', { name: 'This claim' }).selectOption('contradicts')
  await picker.getByRole('combobox', { name: 'Find the other claim' }).fill('2,400')
  await page.keyboard.press('Enter')
  const links = card.getByRole('list', { name: 'Links of this claim' })
  await expect(links).toContainText('contradicts')
  await expect(card.locator('.corroboration-counts')).toContainText(
    'Contradicting1 (1 independent)'
  )

  // The same numbered marker beside each end of the link, in both panes.
  const marker = (title: string) =>
    page.getByRole('article', { name: title }).getByRole('button', { name: /^Link 1:/ })
  await expect(marker(wire)).toHaveText('1')
  await expect(marker(opinion)).toHaveText('1')
  // Activating the link goes to the passage at the other end and selects its claim.
  await links.getByRole('button', { name: /^Link 1: contradicts/ }).click()
  await expect(card).toContainText('roughly 2,400 workers')
  await expect(card.locator('.corroboration-counts')).toContainText(
    'Contradicting1 (1 independent)'
  )
  await page.screenshot({ path: `${shots}/claim-card.png` })

  const final = await storedClaims(page)
  expect(final).toEqual(expected.linked)
  await undoRedoEachStep(page)
  expect(await storedClaims(page)).toEqual(expected.linked)

  await expect(page.locator('[data-workspace-saved="true"]')).toBeVisible()
  await host.restart()
  await page.goto(host.url)
  await expect(page.getByRole('article')).toHaveCount(2)
  expect(await storedClaims(page)).toEqual(expected.linked)
  await expect(marker(wire)).toHaveText('1')
  await expect(marker(opinion)).toHaveText('1')
  // Each pane paints when its article arrives, in either order.
  await expect
    .poll(async () => (await paintedText(page, 'claim-unreviewed')).sort())
    .toEqual([
      'only about 900 workers failed to clock in on Tuesday',
      'roughly 2,400 workers have joined the stoppage'
    ])
  await clickQuote(page, wire, 'roughly 2,400 workers')
  await expect(card.getByLabel(/^Grade B3/)).toBeVisible()
  await expect(card.getByRole('combobox', { name: 'Claimant', exact: true })).toHaveValue(union)
  await card.getByText('Audit trail').click()
  await expect(card.getByRole('list', { name: /^Changes of this claim/ })).toContainText(
    'Credibility: — → 3'
  )
})

test('claims from the keyboard: find, mark, status, credibility, claimant, grade, the key sheet', async ({
  page,
  host
}) => {
  await openBoth(page, host.url)
  const text = page.getByLabel(`Text of ${wire}`)
  await text.focus()
  // Find leaves its match selected when closed, so C marks it.
  await page.keyboard.press('Control+f')
  await page.keyboard.type('About 30 ships were waiting at anchor')
  await page.keyboard.press('Escape')
  await expect(text).toBeFocused()
  await page.keyboard.press('c')
  const card = page.getByRole('region', { name: 'Selected claim' })
  await expect(card).toContainText('About 30 ships were waiting at anchor')
  const stored = async (): Promise<StoredClaim | undefined> => (await storedClaims(page)).claims[0]

  await page.keyboard.press('d')
  await expect.poll(async () => (await stored())?.status).toBe('disputed')
  await expect
    .poll(() => paintedText(page, 'claim-disputed'))
    .toEqual(['About 30 ships were waiting at anchor'])
  await page.keyboard.press('Shift+Digit3')
  await expect.poll(async () => (await stored())?.credibility).toBe(3)
  await page.keyboard.press('k')
  await expect.poll(async () => (await stored())?.status).toBe('checking')
  await expect(card.getByLabel(/^Grade \?3/)).toBeVisible()
  await page.keyboard.press('Shift+B')
  await expect(page.locator('.messages')).toContainText('Pick the claimant first')

  // The claimant combobox: type, Enter on "Add …", choose the kind by typing, Enter.
  await card.getByRole('combobox', { name: 'Claimant', exact: true }).focus()
  await page.keyboard.type('a shipping agent')
  await expect(
    page.getByRole('option', { name: 'Add “a shipping agent” as a new source' })
  ).toHaveAttribute('aria-selected', 'true')
  await page.keyboard.press('Enter')
  await expect(card.getByRole('combobox', { name: '“a shipping agent” is a' })).toBeFocused()
  await page.keyboard.press('a')
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await stored())?.claimant).toBe('a shipping agent')
  // Keys typed into a field are text, not commands.
  await card.getByRole('textbox', { name: 'Statement' }).focus()
  await page.keyboard.type('Ships wait')
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await stored())?.status).toBe('checking')

  // Shift+letter grades the claimant, asking why.
  await text.focus()
  await page.keyboard.press('Shift+C')
  const reason = card.getByRole('textbox', { name: 'Why is “a shipping agent” now C?' })
  await expect(reason).toBeFocused()
  await page.keyboard.type('one agent, not the harbour master')
  await page.keyboard.press('Enter')
  await expect.poll(async () => (await stored())?.reliability).toBe('C')
  await expect(card.getByLabel(/^Grade C3/)).toBeVisible()

  // The key sheet lists the keys from the table the handlers run.
  await text.focus()
  await page.keyboard.press('?')
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
  await expect(sheet).toBeVisible()
  for (const row of ['C', 'Shift+1–6', 'Shift+A–F', 'L', 'U', 'K', 'S', 'D', 'R', 'V', 'H', '1–6'])
    await expect(sheet.getByRole('rowheader', { name: row, exact: true })).toBeVisible()
  await page.screenshot({ path: `${shots}/shortcut-sheet.png` })
  await page.keyboard.press('Escape')
  await expect(sheet).toBeHidden()

  // Delete deletes the selected claim; undo brings it back.
  await text.focus()
  await page.keyboard.press('Delete')
  await expect.poll(stored).toBeUndefined()
  await page.keyboard.press('Control+z')
  await expect.poll(async () => (await stored())?.status).toBe('checking')

  // ↑/↓ in the claims list move the selection with the focus.
  await page.keyboard.press('Control+f')
  await page.keyboard.type('mayor has offered to mediate')
  await page.keyboard.press('Escape')
  await page.keyboard.press('c')
  await expect(card).toContainText('has offered to mediate')
  const list = page.getByRole('list', { name: `Claims in ${wire}` })
  await list.getByRole('button', { name: /mayor/ }).focus()
  await page.keyboard.press('ArrowUp')
  await expect(list.getByRole('button', { name: /About 30 ships/ })).toBeFocused()
  await expect(card).toContainText('About 30 ships')
  // Delete in the list keeps the keyboard there, on the next claim.
  await page.keyboard.press('Delete')
  await expect(list.getByRole('button', { name: /mayor/ })).toBeFocused()
  await expect(card).toContainText('has offered to mediate')
  await expect.poll(async () => (await storedClaims(page)).claims.length).toBe(1)
})

test('a passage both highlighted and claimed; clicks cycle; the attribution phrase; linking by clicking the pane beside; axe in both themes', async ({
  page,
  host
}) => {
  await openBoth(page, host.url)
  await selectQuote(page, wire, 'roughly 2,400 workers')
  await page.keyboard.press('h')
  await selectQuote(page, wire, 'roughly 2,400 workers')
  await page.keyboard.press('c')
  await expect.poll(() => paintedText(page, 'c1')).toEqual(['roughly 2,400 workers'])
  await expect.poll(() => paintedText(page, 'claim-unreviewed')).toEqual(['roughly 2,400 workers'])
  const card = page.getByRole('region', { name: 'Selected claim' })
  const highlightCard = page.getByRole('region', { name: 'Selected highlight' })
  await expect(card).toBeVisible()
  // A click on the selected claim selects the highlight under it; the next, the claim again.
  await clickQuote(page, wire, 'roughly 2,400 workers')
  await expect(highlightCard).toBeVisible()
  await expect(card).toBeHidden()
  await clickQuote(page, wire, 'roughly 2,400 workers')
  await expect(card).toBeVisible()
  await expect(highlightCard).toBeHidden()

  // The phrase that attributes the claim: select it, then the button.
  await selectQuote(page, wire, "Ilse Marrow, the union's chief negotiator, said")
  await card.getByRole('button', { name: 'Mark attribution phrase' }).click()
  await expect(card.locator('.attribution-phrase q')).toHaveText(
    "Ilse Marrow, the union's chief negotiator, said"
  )
  await expect
    .poll(() => paintedText(page, 'claim-phrase'))
    .toEqual(["Ilse Marrow, the union's chief negotiator, said"])
  expect(
    await page.evaluate(async () => {
      const api = (window as unknown as { api: WindowApi }).api
      const articles = await api.listArticles({})
      if (!articles.ok) throw new Error(articles.error.message)
      const claims = await Promise.all(
        articles.value.map((a) => api.listClaims({ articleId: a.id }))
      )
      return claims.flatMap((c) => (c.ok ? c.value : [])).map((c) => c.attributionSpan?.quote.exact)
    })
  ).toEqual(["Ilse Marrow, the union's chief negotiator, said"])

  // Link mode: choose the relation, then click the claim in the pane beside.
  await selectQuote(page, opinion, 'only about 900 workers')
  await page.keyboard.press('c')
  await expect(card).toContainText('only about 900 workers')
  await card.getByRole('button', { name: 'Link…' }).click()
  const picker = card.getByRole('region', { name: /^Link “/ })
  await expect(picker.getByRole('combobox', { name: 'Find the other claim' })).toBeFocused()
  await picker.getByRole('combobox', { name: 'This claim' }).selectOption('contradicts')
  await clickQuote(page, wire, 'roughly 2,400 workers')
  await expect(picker).toBeHidden()
  await expect(card.getByRole('list', { name: 'Links of this claim' })).toContainText(
    'contradicts “roughly 2,400 workers”'
  )
  await expect(page.locator('.link-marker')).toHaveCount(2)
  expect(await violations(page)).toEqual([])
  await page.keyboard.press('l')
  await expect(picker).toBeVisible()
  expect(await violations(page)).toEqual([])
  await page.keyboard.press('Escape')
  await expect(picker).toBeHidden()

  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await violations(page)).toEqual([])
  await page.screenshot({ path: `${shots}/claims-dark.png` })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.screenshot({ path: `${shots}/claims-light.png` })
})

test('corroboration counts independent origins and warns of circular reporting in plain words', async ({
  page,
  host
}) => {
  await openBoth(page, host.url)
  // Two supports from different claimants that both derive from the union's figure.
  await page.evaluate(
    async ({ wire, opinion }) => {
      const api = (window as unknown as { api: WindowApi }).api
      const value = async <T>(pending: Promise<Result<T>>): Promise<T> => {
        const result = await pending
        if (!result.ok) throw new Error(result.error.message)
        return result.value
      }
      const articles = await value(api.listArticles({}))
      const text = (title: string) =>
        value(api.getArticle({ id: articles.find((a) => a.title === title)!.id }))
      const [w, o] = [await text(wire), await text(opinion)]
      const span = (article: { text: string }, quote: string) => {
        const start = article.text.indexOf(quote)
        if (start < 0) throw new Error(`"${quote}" is not in the text`)
        return { start, end: start + quote.length }
      }
      const source = (name: string, kind: 'person' | 'organisation') =>
        value(api.createSource({ name, kind }))
      const union = await source('Velmora Dockers’ Union', 'organisation')
      const marrow = await source('Ilse Marrow', 'person')
      const columnist = await source('The columnist', 'person')
      const claim = (article: { id: string; text: string }, quote: string, sourceId?: string) =>
        value(api.createClaim({ articleId: article.id, ...span(article, quote), sourceId }))
      const origin = await claim(w, 'roughly 2,400 workers have joined the stoppage', union.id)
      const first = await claim(w, 'that figure counted everyone who had walked out', marrow.id)
      const second = await claim(
        o,
        'The union speaks of thousands on the picket line',
        columnist.id
      )
      const target = await claim(o, 'the general walkout described in the wire reports')
      for (const support of [first, second]) {
        await value(
          api.createLink({
            fromClaimId: support.id,
            toClaimId: origin.id,
            relation: 'derives-from'
          })
        )
        await value(
          api.createLink({ fromClaimId: support.id, toClaimId: target.id, relation: 'supports' })
        )
      }
    },
    { wire, opinion }
  )
  await expect(page.locator('[data-workspace-saved="true"]')).toBeVisible()
  await page.reload()
  await expect(page.getByRole('article', { name: opinion })).toContainText('general walkout')
  await clickQuote(page, opinion, 'the general walkout described')
  const card = page.getByRole('region', { name: 'Selected claim' })
  await expect(card.locator('.corroboration-counts')).toContainText('Supporting2 (1 independent)')
  await expect(card.getByRole('list', { name: 'Warnings' })).toContainText(
    'Circular reporting: “that figure counted everyone who had walked out” and “The union speaks of thousands on the picket line” look independent but lead back to one origin; they count once.'
  )
  // Four links in two panes: each number beside both of its passages.
  await expect(page.locator('.link-marker')).toHaveCount(8)
  await page.screenshot({ path: `${shots}/claims-circular.png` })
})

test('each status is painted with an underline of its own, so colour is never the only cue', async ({
  page,
  host
}) => {
  await page.goto(host.url)
  const cues = await page.evaluate(() => {
    const found: Record<string, string> = {}
    for (const sheet of Array.from(document.styleSheets))
      for (const rule of Array.from(sheet.cssRules)) {
        if (!(rule instanceof CSSStyleRule)) continue
        const status = /^\.article-text::highlight\(dossier-claim-([a-z]+)\)$/.exec(
          rule.selectorText
        )?.[1]
        // Its colour is a var(), so the shorthand stays as written: drop the colour.
        const decoration = rule.style.getPropertyValue('text-decoration')
        if (status && decoration.includes('underline'))
          found[status] = decoration
            .replace(/var\([^)]*\)/, '')
            .replace(/\s+/g, ' ')
            .trim()
      }
    return found
  })
  const statuses = ['unreviewed', 'checking', 'supported', 'disputed', 'refuted', 'unverifiable']
  expect(Object.keys(cues).sort()).toEqual([...statuses].sort())
  // Six statuses, six different underlines (style and thickness), whatever the colours.
  expect(new Set(Object.values(cues)).size).toBe(statuses.length)
})
