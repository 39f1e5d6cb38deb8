import AxeBuilder from '@axe-core/playwright'
import { readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import {
  WIRE_FIRST as first,
  WIRE_TITLE as wire,
  dragAcross,
  expect,
  libraryWithAHighlight,
  shots,
  test
} from './fixtures'

const second = 'Neither figure could be independently verified.'

function highlights(page: Page) {
  return page.getByRole('list', { name: `Highlights in ${wire}` })
}

/** Cuts the file off inside its first highlight, as a crash mid-copy or a full disk would. */
async function truncateInsideFirstHighlight(path: string): Promise<void> {
  const text = await readFile(path, 'utf8')
  const at = text.indexOf('"annotations"')
  expect(at).toBeGreaterThan(0)
  await writeFile(path, text.slice(0, at + 24))
}

/** WCAG 2.1 A and AA rules, checked by axe on the banner. */
async function bannerViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .include('.problems-banner')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  return results.violations.map((v) => `${v.id}: ${v.help}`)
}

test('a damaged annotation file with no backup: the banner says so, writes wait, Acknowledge lets them through', async ({
  page,
  host
}) => {
  const id = await libraryWithAHighlight(page, host)
  await host.stop()
  const file = join(host.dataDir, 'annotations', `${id}.json`)
  await truncateInsideFirstHighlight(file)
  await rm(join(host.dataDir, 'backups'), { recursive: true, force: true })

  await host.restart()
  await page.goto(host.url)
  const banner = page.getByRole('region', { name: 'Library problems' })
  await expect(banner).toBeVisible()
  await expect(banner.getByRole('heading', { level: 3 })).toHaveText(
    `Changes to one article are refused: annotations/${id}.json was damaged and no backup could restore it`
  )
  await expect(banner.getByRole('alert')).toContainText(
    `The highlights, claims and notes of “${wire}”`
  )
  await expect(banner).toContainText('there is no backup of')
  await expect(banner).toContainText('none: no backup held a readable copy of this file')
  const [aside] = (await readdir(join(host.dataDir, 'annotations'))).filter((name) =>
    name.includes('.damaged-')
  )
  expect(aside).toBeDefined()
  await expect(banner.locator('dd code').first()).toHaveText(
    join(host.dataDir, 'annotations', aside!)
  )
  await expect(highlights(page).getByRole('listitem')).toHaveCount(0)
  expect(await bannerViolations(page)).toEqual([])

  // A highlight on that article is refused, and the toast says why in the core's words.
  await dragAcross(page, wire, second)
  await page.keyboard.press('h')
  await expect(page.locator('.messages')).toContainText(
    `Changes to this article wait until you acknowledge the notice about ${file}`
  )
  await expect(highlights(page).getByRole('listitem')).toHaveCount(0)
  await page.screenshot({ path: `${shots}/problems-refused.png` })

  // Acknowledged from the keyboard: the banner goes, and changes are allowed again.
  const acknowledge = banner.getByRole('button', {
    name: `Acknowledge the notice about annotations/${id}.json`
  })
  await acknowledge.focus()
  await page.keyboard.press('Enter')
  await expect(banner).toBeHidden()
  await expect(page.locator('.problems-announcer')).toHaveText(
    'Notice acknowledged. The changes it held back are allowed again.'
  )
  await dragAcross(page, wire, second)
  await page.keyboard.press('h')
  await expect(highlights(page).getByRole('listitem')).toHaveCount(1)
  // The file is written a moment after the list shows the highlight.
  const quotes = async () =>
    readFile(file, 'utf8').then(
      (text) =>
        (JSON.parse(text) as { annotations: { quote: unknown }[] }).annotations.map((a) => a.quote),
      () => []
    )
  await expect.poll(quotes).toMatchObject([{ exact: second }])

  // Acknowledged for good: not shown again after a restart.
  await host.restart()
  await page.goto(host.url)
  await expect(highlights(page).getByRole('listitem')).toHaveCount(1)
  await expect(banner).toBeHidden()
})

test('a damaged annotation file with a backup: restored, and the banner says from which backup', async ({
  page,
  host
}) => {
  const id = await libraryWithAHighlight(page, host)
  // Quitting takes a backup of what changed in the session.
  await host.stop()
  const [backup] = await readdir(join(host.dataDir, 'backups'))
  const manifest = JSON.parse(
    await readFile(join(host.dataDir, 'backups', backup!, 'backup.json'), 'utf8')
  ) as { takenAt: string; files: { path: string }[] }
  expect(manifest.files.map((f) => f.path)).toContain(`annotations/${id}.json`)
  await truncateInsideFirstHighlight(join(host.dataDir, 'annotations', `${id}.json`))

  await host.restart()
  await page.goto(host.url)
  const banner = page.getByRole('region', { name: 'Library problems' })
  await expect(banner.getByRole('heading', { level: 3 })).toHaveText(
    `annotations/${id}.json was damaged and has been restored from a backup`
  )
  const takenAt = await page.evaluate(
    (iso) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'medium' }),
    manifest.takenAt
  )
  // Which backup, by its time and its folder: the one to copy from to restore by hand.
  await expect(banner.locator('dd').nth(1)).toHaveText(
    `the backup of ${takenAt}, in ${join(host.dataDir, 'backups', backup!)}`
  )
  await expect(banner.getByRole('status')).toContainText(
    'changes made after that backup may be missing'
  )
  // The highlight came back from the backup, and nothing waits for the analyst.
  await expect(highlights(page).getByRole('listitem')).toHaveCount(1)
  await dragAcross(page, wire, second)
  await page.keyboard.press('h')
  await expect(highlights(page).getByRole('listitem')).toHaveCount(2)
  expect(await bannerViolations(page)).toEqual([])
  await page.screenshot({ path: `${shots}/problems-restored.png` })
  await page.emulateMedia({ colorScheme: 'dark' })
  expect(await bannerViolations(page)).toEqual([])
  await page.emulateMedia({ colorScheme: 'light' })

  await banner.getByRole('button', { name: /^Acknowledge/ }).click()
  await expect(banner).toBeHidden()
})

test('a damaged library.json with no backup: read-only, with the way to export first', async ({
  page,
  host
}) => {
  await libraryWithAHighlight(page, host)
  await host.stop()
  await rm(join(host.dataDir, 'backups'), { recursive: true, force: true })
  await writeFile(join(host.dataDir, 'library.json'), '\0\0\0\0')

  await host.restart()
  await page.goto(host.url)
  const banner = page.getByRole('region', { name: 'Library problems' })
  await expect(banner.getByRole('heading', { level: 2 })).toHaveText(
    'Read-onlyNothing in this library can be changed until you acknowledge the notice below'
  )
  await expect(banner).toContainText(`npx dossier --data "${host.dataDir}" show ID --json`)
  await expect(banner.getByRole('heading', { level: 3 })).toHaveText(
    'The library is read-only: library.json was damaged and no backup could restore it'
  )
  // The article list was rebuilt from the stored texts and can be read.
  await expect(page.getByRole('row', { name: /Port of Velmora/ })).toBeVisible()
  // Moving it to the Trash is a change: refused, and the toast says why.
  await page.getByRole('row', { name: /Port of Velmora/ }).click()
  await page.keyboard.press('Delete')
  await expect(page.locator('.messages')).toContainText('The library opened read-only because')
  await expect(page.getByRole('row', { name: /Port of Velmora/ })).toBeVisible()
  expect(await bannerViolations(page)).toEqual([])
  await page.screenshot({ path: `${shots}/problems-read-only.png` })

  // What could be read is exported before acknowledging: exporting changes nothing.
  await expect(banner).toContainText('Export… in the toolbar (Ctrl+Shift+E)')
  await page.getByRole('button', { name: 'Export…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Export' })
  await dialog.getByRole('radio', { name: /^JSON backup/ }).check()
  const download = page.waitForEvent('download')
  await dialog.getByRole('button', { name: 'Export', exact: true }).click()
  const exported = await readFile(await (await download).path(), 'utf8')
  expect(JSON.parse(exported)).toMatchObject({ kind: 'dossier-backup' })
  expect(exported).toContain(first)

  await banner.getByRole('button', { name: 'Acknowledge the notice about library.json' }).click()
  await expect(banner).toBeHidden()
})
