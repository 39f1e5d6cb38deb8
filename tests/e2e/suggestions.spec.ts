import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import type { WindowApi } from '../../src/shared/hostEvents'
import { expect, importSamples, importText, paintedText, shots, test } from './fixtures'

const wire = 'Port of Velmora Strike Enters Third Day as Talks Stall'

interface StoredClaim {
  exact: string
  claimant: string | null
  attribution: string
  phrase: string | null
}

/** The wire article's claims as the library holds them, read through the page's API. */
function storedClaims(page: Page): Promise<StoredClaim[]> {
  return page.evaluate(async () => {
    const api = (window as unknown as { api: WindowApi }).api
    const articles = await api.listArticles({})
    if (!articles.ok) throw new Error(articles.error.message)
    const [claims, sources] = await Promise.all([
      api.listClaims({ articleId: articles.value[0]!.id }),
      api.listSources({})
    ])
    if (!claims.ok || !sources.ok) throw new Error('the API refused')
    return claims.value.map((claim) => ({
      exact: claim.quote.exact,
      claimant: sources.value.find((s) => s.id === claim.sourceId)?.name ?? null,
      attribution: claim.attribution,
      phrase: claim.attributionSpan?.quote.exact ?? null
    }))
  })
}

const figure = 'figure counted everyone who had walked out since the Monday morning shift'
const nobody = 'Nobody has gone back, and nobody will until we see a guarantee on paper'
const accepted: StoredClaim = {
  exact: figure,
  claimant: 'Ilse Marrow',
  attribution: 'named',
  phrase: 'said'
}

test('suggested claims: Tab, Enter accepts (undoably), Delete rejects for good, Accept all', async ({
  page,
  host
}) => {
  const review = await importSamples(page, host.url, ['harbor-strike-wire.txt'])
  await review.getByRole('button', { name: 'Close' }).click()
  await page.getByRole('row', { name: new RegExp(wire) }).dblclick()
  const pane = page.getByRole('article', { name: wire })
  await expect(pane).toContainText('2,400 workers')

  await pane.getByRole('button', { name: `Suggest claims in ${wire}` }).click()
  const bar = pane.getByRole('toolbar', { name: 'Suggested claims' })
  const status = bar.getByRole('status')
  await expect(status).toHaveText('9 suggested claims: Tab goes to the first')
  await expect(pane).toHaveAttribute('data-suggestions-painted', '9')
  const marked = await paintedText(page, 'suggestion')
  expect(marked).toHaveLength(9)
  expect(marked).toContain('roughly 2,400 workers have joined the stoppage')

  await page.keyboard.press('Tab')
  await expect(status).toHaveText(
    "Suggestion 1 of 9: Named claimant · Velmora Dockers' Union · “says”"
  )
  await expect
    .poll(() => paintedText(page, 'suggestion-current'))
    .toEqual(['roughly 2,400 workers have joined the stoppage'])
  await expect(pane.locator('.suggestion-tag')).toHaveText(
    "Named claimant · Velmora Dockers' Union · “says”"
  )
  await page.screenshot({ path: `${shots}/suggested-claims.png` })
  const axe = await new AxeBuilder({ page })
    .include('.suggestion-bar')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])

  // Enter: the second suggestion becomes a claim with its claimant, attribution and cue.
  await page.keyboard.press('Tab')
  await expect(status).toContainText("Suggestion 2 of 9: Named claimant · Ilse Marrow, the union's")
  await page.keyboard.press('Enter')
  await expect(status).toContainText('Suggestion 2 of 8: ')
  await expect(status).toContainText('“told”')
  await expect.poll(() => storedClaims(page)).toEqual([accepted])
  await expect.poll(() => paintedText(page, 'claim-unreviewed')).toEqual([figure])

  // Undo takes the claim back and proposes the suggestion again; redo makes it a claim again.
  await page.keyboard.press('Control+z')
  await expect.poll(() => storedClaims(page)).toEqual([])
  await expect(status).toContainText('Suggestion 2 of 9: ')
  await page.keyboard.press('Control+Shift+z')
  await expect.poll(() => storedClaims(page)).toEqual([accepted])
  await expect(status).toContainText('of 8: ')

  // Delete: the current one (“Nobody has gone back…”) is rejected, and not proposed again.
  await expect(status).toContainText('“told”')
  await page.keyboard.press('Delete')
  await expect(status).toContainText('of 7: ')
  expect(await paintedText(page, 'suggestion')).not.toContain(nobody)
  expect(await storedClaims(page)).toEqual([accepted])

  // Esc leaves suggestion mode: nothing stored changes, nothing more is painted.
  await page.keyboard.press('Escape')
  await expect(bar).toBeHidden()
  await expect.poll(() => paintedText(page, 'suggestion')).toEqual([])

  await expect(page.locator('[data-workspace-saved="true"]')).toBeVisible()
  await host.restart()
  await page.goto(host.url)
  await expect(pane).toContainText('2,400 workers')
  await pane.getByRole('button', { name: `Suggest claims in ${wire}` }).click()
  await expect(status).toHaveText('7 suggested claims: Tab goes to the first')
  const left = await paintedText(page, 'suggestion')
  expect(left).not.toContain(nobody)
  expect(left).not.toContain(figure)

  await bar.getByRole('button', { name: 'Accept all' }).click()
  await expect(status).toHaveText(/^No suggested claims left/)
  await expect.poll(async () => (await storedClaims(page)).length).toBe(8)
  const claims = await storedClaims(page)
  expect(claims.map((c) => c.exact)).not.toContain(nobody)
  expect(claims.find((c) => c.exact.startsWith('the two sides had reportedly'))).toMatchObject({
    claimant: 'sources close to the talks',
    attribution: 'anonymous',
    phrase: 'According to'
  })
})

test('the library pass: every article read in the background, with its progress, Stop (also after it finished) and Resume; then A, Shift+Tab and Reject all on an article it read', async ({
  page,
  host
}) => {
  const dir = resolve(import.meta.dirname, '../fixtures/attribution')
  const names = readdirSync(dir)
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .slice(0, 13)
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') }))
  await page.goto(host.url)
  await importText(page, names.slice(0, 12))
  const library = page.getByRole('region', { name: 'Library' })
  const pass = library.locator('.suggestion-pass')
  const line = pass.locator('.suggestion-pass-text')
  // It starts on its own once the library has settled; the worker loads its model first.
  await expect(pass).toContainText('Finding claims to suggest', { timeout: 30_000 })
  await expect(
    pass.getByRole('progressbar', { name: 'Articles read for suggestions' })
  ).toBeVisible()
  await pass.getByRole('button', { name: 'Stop finding claims to suggest' }).click()
  // Twelve small articles may all be read by the time Stop arrives: the line then says so.
  await expect(line).toHaveText(
    /^Suggestions ready for (\d+ of 12 articles|all 12 articles: the pass had finished before Stop)$/
  )
  // Either way, an article imported after Stop waits for Resume: a known state to resume from.
  await importText(page, names.slice(12))
  const resume = pass.getByRole('button', { name: 'Resume finding claims to suggest' })
  await expect(resume).toBeVisible()
  await expect(line).toHaveText(/^Suggestions ready for \d+ of 13 articles$/)
  const axe = await new AxeBuilder({ page })
    .include('.suggestion-pass')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])

  await page.emulateMedia({ colorScheme: 'dark' })
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.screenshot({ path: `${shots}/suggestion-pass-stopped-dark-1024.png` })
  await page.emulateMedia({ colorScheme: 'light' })
  await page.setViewportSize({ width: 1440, height: 900 })

  await resume.focus()
  await page.keyboard.press('Enter')
  await expect(pass).toHaveText('Suggestions ready for all 13 articles', { timeout: 60_000 })
  await page.screenshot({ path: `${shots}/suggestion-pass.png` })

  // What it found is kept beside the library, one line per article, before anything is asked.
  const ids = await page.evaluate(async () => {
    const listed = await (window as unknown as { api: WindowApi }).api.listArticles({})
    if (!listed.ok) throw new Error(listed.error.message)
    return listed.value.map((article) => article.id)
  })
  await expect
    .poll(
      () => {
        try {
          const lines = readFileSync(join(host.dataDir, 'suggestions-cache.ndjson'), 'utf8')
          return lines
            .trim()
            .split('\n')
            .slice(1, -1)
            .map((line) => (JSON.parse(line) as [string])[0])
            .sort()
        } catch {
          return []
        }
      },
      { timeout: 20_000 }
    )
    .toEqual([...ids].sort())

  // Suggest claims (A) on one of them answers from what the pass kept; Shift+Tab goes back;
  // Reject all remembers every one of them in the article's annotation file.
  const title = 'Ferry Fares to Rise by a Fifth'
  await library.getByRole('row', { name: new RegExp(title) }).dblclick()
  const pane = page.getByRole('article', { name: new RegExp(title) })
  await expect(pane).toContainText('fares')
  await pane.click()
  await page.keyboard.press('a')
  const bar = pane.getByRole('toolbar', { name: 'Suggested claims' })
  const status = bar.getByRole('status')
  await expect(status).toHaveText(/^\d+ suggested claims: Tab goes to the first/)
  const offered = Number((await status.textContent())!.split(' ')[0])
  await page.keyboard.press('Tab')
  await page.keyboard.press('Tab')
  await expect(status).toContainText(`Suggestion 2 of ${offered}: `)
  await page.keyboard.press('Shift+Tab')
  await expect(status).toContainText(`Suggestion 1 of ${offered}: `)
  await bar.getByRole('button', { name: 'Reject all' }).click()
  await expect(status).toHaveText(/^No suggested claims left/)
  const articleId = await page.evaluate(async (wanted) => {
    const listed = await (window as unknown as { api: WindowApi }).api.listArticles({})
    if (!listed.ok) throw new Error(listed.error.message)
    return listed.value.find((article) => article.title === wanted)!.id
  }, title)
  await expect
    .poll(() => {
      const file = join(host.dataDir, 'annotations', `${articleId}.json`)
      try {
        const stored = JSON.parse(readFileSync(file, 'utf8')) as { rejectedSuggestions?: string[] }
        return stored.rejectedSuggestions?.length ?? 0
      } catch {
        return 0
      }
    })
    .toBe(offered)
  expect(await storedClaimCount(page, articleId)).toBe(0)
})

function storedClaimCount(page: Page, articleId: string): Promise<number> {
  return page.evaluate(async (id) => {
    const claims = await (window as unknown as { api: WindowApi }).api.listClaims({ articleId: id })
    if (!claims.ok) throw new Error(claims.error.message)
    return claims.value.length
  }, articleId)
}
