import type { Page } from '@playwright/test'
import type { WindowApi } from '../../src/shared/hostEvents'
import {
  clickQuote,
  expect,
  importSamples,
  paintedText,
  selectQuote,
  shots,
  test
} from './fixtures'

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
      claims: board.value
        .map((row) => ({
          exact: row.exact,
          status: row.status,
          credibility: row.credibility ?? null,
          claimant: row.sourceName ?? null,
          reliability: row.reliability ?? null,
          links: row.links
        }))
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

/** Undoes every step back to an empty library, then redoes them all, checking each. */
async function undoRedoEachStep(page: Page): Promise<void> {
  const toasts = page.getByRole('status')
  for (let i = steps.length - 1; i >= 0; i--) {
    await page.keyboard.press('Control+z')
    await expect(toasts).toContainText(steps[i]!.undid)
    const before = i === 0 ? { claims: [], sources: [] } : steps[i - 1]!.after
    await expect.poll(() => storedClaims(page)).toEqual(before)
  }
  for (const step of steps) {
    await page.keyboard.press('Control+Shift+z')
    await expect(toasts).toContainText(step.undid.replace('Undid:', 'Redid:'))
    await expect.poll(() => storedClaims(page)).toEqual(step.after)
  }
}

/** Imports the two articles that disagree on the number of strikers and opens them side by side. */
async function openBoth(page: Page, url: string): Promise<void> {
  const review = await importSamples(page, url, [
    'harbor-strike-wire.txt',
    'harbor-strike-opinion.txt'
  ])
  await review.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('row', { name: new RegExp(wire) }).dblclick()
  await page.getByRole('row', { name: new RegExp(opinion) }).dblclick({ modifiers: ['Shift'] })
  await expect(page.getByRole('article')).toHaveCount(2)
  await expect(page.getByRole('article', { name: opinion })).toContainText('900 workers')
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
  const picker = card.getByRole('region', { name: /^Link/ })
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
  await expect
    .poll(() => paintedText(page, 'claim-unreviewed'))
    .toEqual([
      'roughly 2,400 workers have joined the stoppage',
      'only about 900 workers failed to clock in on Tuesday'
    ])
  await clickQuote(page, wire, 'roughly 2,400 workers')
  await expect(card.getByLabel(/^Grade B3/)).toBeVisible()
  await expect(card.getByRole('combobox', { name: 'Claimant', exact: true })).toHaveValue(union)
  await card.getByText('Audit trail').click()
  await expect(card.getByRole('list', { name: /^Changes of this claim/ })).toContainText(
    'Credibility: — → 3'
  )
})
