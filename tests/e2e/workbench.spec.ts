import {
  clickQuote,
  dragAcross,
  expect,
  importSamples,
  paintedText,
  selectQuote,
  shots,
  test
} from './fixtures'

test('import, read side by side, highlight, survive a restart, undo and delete', async ({
  page,
  host
}) => {
  const review = await importSamples(page, host.url, [
    'harbor-strike-wire.txt',
    'harbor-strike-opinion.txt',
    'summit-talks.txt'
  ])
  await expect(review).toContainText('3 imported')
  await page.screenshot({ path: `${shots}/import-review.png` })
  await review.getByRole('button', { name: 'Close' }).click()

  const wire = 'Port of Velmora Strike Enters Third Day as Talks Stall'
  const opinion = 'The Velmora Strike Is Not Really About Cranes'
  await page.getByRole('row', { name: new RegExp(wire) }).dblclick()
  await page.getByRole('row', { name: new RegExp(opinion) }).click()
  await page.keyboard.press('Shift+Enter')
  await expect(page.getByRole('article')).toHaveCount(2)
  await expect(page.getByRole('article', { name: wire })).toContainText(
    'Dock workers at the Port of Velmora'
  )

  // A sentence selected with the mouse, highlighted with H.
  const panel = page.getByRole('list', { name: `Highlights in ${wire}` })
  await dragAcross(page, wire, 'The union says roughly 2,400 workers have joined the stoppage.')
  await page.keyboard.press('h')
  await expect(panel.getByRole('listitem')).toHaveCount(1)
  // An overlapping passage in another colour, with the Highlight button by the selection.
  await selectQuote(page, wire, '2,400 workers')
  await page.keyboard.press('4')
  await page.getByRole('button', { name: 'Highlight', exact: true }).click()
  await expect(panel.getByRole('listitem')).toHaveCount(2)
  await page.screenshot({ path: `${shots}/side-by-side.png` })

  await page.keyboard.press('Control+z')
  await expect(panel.getByRole('listitem')).toHaveCount(1)
  await page.keyboard.press('Control+Shift+z')
  await expect(panel.getByRole('listitem')).toHaveCount(2)

  await expect(page.locator('[data-workspace-saved="true"]')).toBeVisible()
  await host.restart()
  await page.goto(host.url)
  await expect(page.getByRole('article')).toHaveCount(2)
  await expect(panel.getByRole('listitem')).toHaveCount(2)
  await expect(
    panel.getByRole('button', {
      name: 'Key point: The union says roughly 2,400 workers have joined the stoppage.'
    })
  ).toBeVisible()
  await expect(panel.getByRole('button', { name: 'Dispute: 2,400 workers' })).toBeVisible()
  await expect
    .poll(() => paintedText(page, 'c1'))
    .toEqual(['The union says roughly 2,400 workers have joined the stoppage.'])
  // The later highlight lies inside the first: it is painted over it (its line above the text).
  await expect.poll(() => paintedText(page, 'o4')).toEqual(['2,400 workers'])
  await expect.poll(() => paintedText(page, 'c4')).toEqual([])

  // Clicking the highlighted passage in the text selects both overlapping highlights.
  await clickQuote(page, wire, '2,400 workers')
  const card = page.getByRole('region', { name: 'Selected highlight' })
  await expect(card.locator('blockquote')).toHaveCount(2)

  await panel.getByRole('button', { name: 'Dispute: 2,400 workers' }).click()
  await expect(card.locator('blockquote')).toHaveCount(1)
  await page.keyboard.press('Delete')
  await expect(panel.getByRole('listitem')).toHaveCount(1)
  await page.screenshot({ path: `${shots}/after-delete.png` })
})
