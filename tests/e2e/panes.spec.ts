import { expect, importText, shots, test } from './fixtures'

const long = (title: string): { name: string; text: string } => ({
  name: `${title}.txt`,
  text: `${title}\n\n${Array.from({ length: 120 }, (_, i) => `Paragraph ${i + 1} of ${title}: the harbor authority and the union disagree about the figures.`).join('\n\n')}`
})

test('four panes side by side, resizable, with scroll sync and scroll positions restored', async ({
  page,
  host
}) => {
  // Wide enough for four panes above their 300 px minimum, with room to resize.
  await page.setViewportSize({ width: 2200, height: 950 })
  await page.goto(host.url)
  await importText(page, [long('Alpha'), long('Bravo'), long('Charlie')])
  const rows = page.getByRole('grid', { name: 'Articles' }).locator('tbody tr')
  await rows.filter({ hasText: 'Alpha' }).dblclick()
  await rows.filter({ hasText: 'Bravo' }).click()
  await rows.filter({ hasText: 'Charlie' }).click({ modifiers: ['Control'] })
  await page.keyboard.press('Shift+Enter')
  // The same article may be open twice.
  await rows.filter({ hasText: 'Alpha' }).dblclick({ modifiers: ['Shift'] })
  await rows.filter({ hasText: 'Bravo' }).dblclick({ modifiers: ['Shift'] })
  const panes = page.getByRole('article')
  await expect(panes).toHaveCount(5)
  await page.getByRole('button', { name: 'Close Bravo' }).first().click()
  await expect(panes).toHaveCount(4)
  await expect(page.getByRole('article', { name: 'Alpha' })).toHaveCount(2)

  // Resize: drag the first splitter right, then nudge it with the keyboard.
  const first = panes.first()
  const before = (await first.boundingBox())!.width
  const splitter = page.getByRole('separator', { name: 'Resize panes' }).first()
  const box = (await splitter.boundingBox())!
  await page.mouse.move(box.x + box.width / 2, box.y + 200)
  await page.mouse.down()
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + 200, { steps: 6 })
  await page.mouse.up()
  const width = async (): Promise<number> => (await first.boundingBox())!.width
  await expect.poll(width).toBeGreaterThan(before + 80)
  const dragged = await width()
  await splitter.focus()
  await page.keyboard.press('ArrowLeft')
  await expect.poll(width).toBeLessThan(dragged)

  // Scroll sync: scrolling one pane scrolls the others to the same relative place.
  await page.getByRole('button', { name: 'Sync scroll' }).click()
  const bodies = page.locator('.pane-body')
  await bodies
    .first()
    .evaluate((body) => body.scrollTo({ top: (body.scrollHeight - body.clientHeight) / 2 }))
  await expect
    .poll(() =>
      bodies.nth(2).evaluate((body) => body.scrollTop / (body.scrollHeight - body.clientHeight))
    )
    .toBeCloseTo(0.5, 1)
  await page.screenshot({ path: `${shots}/four-panes.png` })

  // After a restart the same panes, in the same order, at the same places.
  await page.getByRole('button', { name: 'Sync scroll' }).click()
  await bodies
    .nth(1)
    .evaluate((body) => body.scrollTo({ top: (body.scrollHeight - body.clientHeight) * 0.8 }))
  const titles = await panes.evaluateAll((list) =>
    list.map((pane) => pane.getAttribute('aria-label'))
  )
  await expect(page.locator('[data-workspace-saved="true"]')).toBeVisible()
  await host.restart()
  await page.goto(host.url)
  await expect(panes).toHaveCount(4)
  // Titles arrive as each pane's article loads.
  await expect
    .poll(() => panes.evaluateAll((list) => list.map((pane) => pane.getAttribute('aria-label'))))
    .toEqual(titles)
  await expect
    .poll(() =>
      bodies.nth(1).evaluate((body) => body.scrollTop / (body.scrollHeight - body.clientHeight))
    )
    .toBeCloseTo(0.8, 1)
  await expect.poll(width).toBeGreaterThan(before + 40)
})
