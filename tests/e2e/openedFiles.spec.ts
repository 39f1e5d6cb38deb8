import { readFileSync } from 'node:fs'
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import type { OpenedFiles, WindowApi } from '../../src/shared/hostEvents'
import type { ImportOutcome } from '../../src/shared/importing'
import { articles, expect, shots, test } from './fixtures'
import { withHostEvent } from './hostEvents'

const WIRE = 'Port of Velmora Strike Enters Third Day as Talks Stall'

/** `window` in the page: the api, and the listener the page gave to onFilesOpened. */
type TestWindow = {
  api: WindowApi
  filesOpened?: (opened: OpenedFiles) => void
  subscriptions?: number
}

/** The desktop preload's one host event the web host lacks: `onFilesOpened`. */
function withFilesOpenedEvent(page: Page): Promise<void> {
  return withHostEvent(page, 'onFilesOpened', 'filesOpened')
}

/** Imports fixture files through the real API, as the main process imports opened paths. */
async function importThroughApi(page: Page, names: string[]): Promise<ImportOutcome[]> {
  const files = names.map((name) => ({
    name,
    dataBase64: readFileSync(join(articles, name)).toString('base64')
  }))
  const result = await page.evaluate(
    (files) => (window as unknown as TestWindow).api.importFiles({ files }),
    files
  )
  if (!result.ok) throw new Error(result.error.message)
  return result.value
}

test('files the desktop app is asked to open are opened in panes; a missing one is reviewed', async ({
  page,
  host
}) => {
  await withFilesOpenedEvent(page)
  await page.setViewportSize({ width: 1440, height: 900 })
  await page.goto(host.url)
  // A library with one article open in a pane.
  const [summit] = await importThroughApi(page, ['summit-talks.txt'])
  await page.reload()
  await page.getByRole('row', { name: /Border Talks/ }).dblclick()
  await expect(page.getByRole('article')).toHaveCount(1)
  await expect
    .poll(() => page.evaluate(() => (window as unknown as TestWindow).subscriptions))
    .toBe(1)

  // "Open with Dossier" on two files and a path that no longer exists; one file is the
  // article already open (a duplicate), the other is new.
  const outcomes: ImportOutcome[] = [
    ...(await importThroughApi(page, ['harbor-strike-wire.txt', 'summit-talks.txt'])),
    {
      status: 'refused',
      name: '/home/analyst/Downloads/gone.txt',
      reason: 'missing',
      message: '/home/analyst/Downloads/gone.txt: no such file.'
    }
  ]
  expect(outcomes.map((o) => o.status)).toEqual(['imported', 'duplicate', 'refused'])
  await page.evaluate(
    (outcomes) => (window as unknown as TestWindow).filesOpened!({ outcomes }),
    outcomes
  )

  // The new article opened beside the one being read (already open, that one stays a single
  // pane); the library lists the new one.
  await expect(page.getByRole('article', { name: WIRE })).toBeVisible()
  await expect(page.getByRole('article')).toHaveCount(2)
  await expect(
    page.getByRole('region', { name: 'Library' }).getByRole('row', { name: new RegExp(WIRE) })
  ).toBeVisible()
  // The file that could not be imported is in the review, with the rest of the batch.
  const review = page.getByRole('dialog')
  await expect(review).toContainText('gone.txt')
  await page.screenshot({ path: `${shots}/opened-files-review.png` })
  await review.getByRole('button', { name: 'Close' }).click()
  await expect(review).toBeHidden()

  // The stored workspace has the panes: the one open before, then the new one, active.
  await expect(page.locator('[data-workspace-saved="true"]')).toBeVisible()
  const { workspace } = JSON.parse(
    await readFile(join(host.dataDir, 'workspace.json'), 'utf8')
  ) as { workspace: { panes: { id: string; articleId: string }[]; activePaneId: string } }
  const wire = outcomes[0]!.status === 'imported' ? outcomes[0]!.article.id : ''
  const summitId = summit!.status === 'imported' ? summit!.article.id : ''
  expect(workspace.panes.map((p) => p.articleId)).toEqual([summitId, wire])
  expect(workspace.activePaneId).toBe(workspace.panes[1]!.id)

  // Opened again while both are in panes: nothing new opens, the first is brought forward.
  await page.evaluate(
    (outcomes) => (window as unknown as TestWindow).filesOpened!({ outcomes }),
    outcomes.slice(1, 2)
  )
  await expect(page.getByRole('article')).toHaveCount(2)
  await expect(page.getByRole('dialog')).toBeHidden()
  await expect
    .poll(async () => {
      const saved = JSON.parse(await readFile(join(host.dataDir, 'workspace.json'), 'utf8'))
      return saved.workspace.activePaneId
    })
    .toBe(workspace.panes[0]!.id)
})
