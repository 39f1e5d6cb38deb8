import { mkdir, readFile, rm } from 'node:fs/promises'
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

/** What the article's annotation file holds now. */
async function stored(path: string): Promise<{
  annotations: { id: string; color: number; quote: { exact: string } }[]
  claims: { status: string }[]
}> {
  return JSON.parse(await readFile(path, 'utf8'))
}

// A real write failure, from the file system: the annotation file's name taken by a
// folder, so every save's rename onto it fails (EISDIR) until the folder goes.
test('a highlight and a claim edit the store cannot write stay on screen, say "Not saved", and are saved once it can', async ({
  page,
  host
}) => {
  const id = await libraryWithAHighlight(page, host)
  const file = join(host.dataDir, 'annotations', `${id}.json`)

  await rm(file)
  await mkdir(file)
  await dragAcross(page, wire, second)
  await page.keyboard.press('h')
  // Shown where it was made, with the store's reason once in a toast.
  await expect(highlights(page).getByRole('listitem')).toHaveCount(2)
  const card = page.getByRole('region', { name: 'Selected highlight' })
  await expect(card.getByText('Not saved — retrying')).toBeVisible()
  await expect(
    highlights(page).getByRole('button', { name: `Key point: ${second} (not saved, retrying)` })
  ).toBeVisible()
  await expect(page.locator('.messages')).toContainText(`Not saved yet: Could not save ${file}`)
  await expect(page.locator('.messages')).toContainText('Dossier keeps the change and tries again.')
  // Recoloured while failing: the latest colour is what gets saved.
  await card.getByRole('combobox', { name: 'Colour of the selected highlight' }).selectOption('3')
  await page.screenshot({ path: `${shots}/unsaved-highlight.png` })

  await rm(file, { recursive: true })
  await expect(card.getByText('Not saved — retrying')).toBeHidden({ timeout: 15_000 })
  const afterHighlight = await stored(file)
  expect(afterHighlight.annotations.map((a) => [a.quote.exact, a.color])).toEqual(
    expect.arrayContaining([
      [first, 1],
      [second, 3]
    ])
  )

  // A claim's status, changed while its file cannot be written.
  await dragAcross(page, wire, first)
  await page.keyboard.press('c')
  const claimCard = page.getByRole('region', { name: 'Selected claim' })
  await expect(claimCard).toContainText(first)
  await expect.poll(async () => (await stored(file)).claims.length).toBe(1)
  await rm(file)
  await mkdir(file)
  const status = claimCard.getByRole('combobox', { name: 'Status' })
  await status.selectOption('disputed')
  await expect(claimCard.getByText('Not saved — retrying')).toBeVisible()
  await expect(status).toHaveValue('disputed')
  await page.screenshot({ path: `${shots}/unsaved-claim.png` })
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.setViewportSize({ width: 1024, height: 700 })
  await page.screenshot({ path: `${shots}/unsaved-claim-dark-1024.png` })
  await rm(file, { recursive: true })
  await expect(claimCard.getByText('Not saved — retrying')).toBeHidden({ timeout: 15_000 })
  expect((await stored(file)).claims.map((c) => c.status)).toEqual(['disputed'])
  await expect(status).toHaveValue('disputed')

  // All of it survives a restart.
  await host.restart()
  await page.goto(host.url)
  await expect(highlights(page).getByRole('listitem')).toHaveCount(2)
})
