import AxeBuilder from '@axe-core/playwright'
import { mkdir, readFile, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { WindowApi } from '../../src/shared/hostEvents'
import {
  WIRE_TITLE as wire,
  dragAcross,
  expect,
  libraryWithAHighlight,
  shots,
  test
} from './fixtures'
import { withHostEvent } from './hostEvents'

const second = 'Neither figure could be independently verified.'

/** `window` in the page: the api, and what the desktop main process's save request does. */
type TestWindow = {
  api: WindowApi
  saveRequest?: () => Promise<void>
  answered?: boolean
}

/**
 * The desktop preload's `onSaveRequest`, added to the web host's real `window.api`: the
 * test asks as the main process does before quitting, and sees when the page answers.
 */
function withSaveRequest(page: Page): Promise<void> {
  return withHostEvent(page, 'onSaveRequest', 'saveRequest')
}

async function askToSave(page: Page): Promise<void> {
  await page.evaluate(() => {
    const target = window as unknown as TestWindow
    target.answered = false
    void target.saveRequest!().then(() => (target.answered = true))
  })
}

const answered = (page: Page): Promise<boolean | undefined> =>
  page.evaluate(() => (window as unknown as TestWindow).answered)

test('quitting with a save the store cannot write yet: "Saving… 1 change" until it is on disk, then the page answers', async ({
  page,
  host
}) => {
  await withSaveRequest(page)
  const id = await libraryWithAHighlight(page, host)
  const file = join(host.dataDir, 'annotations', `${id}.json`)
  const status = page.getByRole('status').filter({ hasText: 'before Dossier closes' })

  // Nothing pending: the page answers at once and shows nothing.
  await askToSave(page)
  await expect.poll(() => answered(page)).toBe(true)
  await expect(status).toHaveCount(0)

  // A real write failure: the annotation file's name taken by a folder.
  await rm(file)
  await mkdir(file)
  await dragAcross(page, wire, second)
  await page.keyboard.press('h')
  await expect(
    page.getByRole('region', { name: 'Selected highlight' }).getByText('Not saved — retrying')
  ).toBeVisible()

  await askToSave(page)
  await expect(status).toHaveText('Saving… 1 change before Dossier closes')
  await expect(status).toHaveAttribute('aria-live', 'polite')
  const axe = await new AxeBuilder({ page })
    .include('.closing-saves')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze()
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([])
  await page.screenshot({ path: `${shots}/closing-saves.png` })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.screenshot({ path: `${shots}/closing-saves-dark-1024.png` })
  // Retried, not given up: the main process is still kept waiting.
  await page.waitForTimeout(1500)
  expect(await answered(page)).toBe(false)

  await rm(file, { recursive: true })
  await expect.poll(() => answered(page), { timeout: 15_000 }).toBe(true)
  await expect(status).toHaveCount(0)
  const stored = JSON.parse(await readFile(file, 'utf8')) as {
    annotations: { quote: { exact: string } }[]
  }
  expect(stored.annotations.map((a) => a.quote.exact)).toContain(second)
})
