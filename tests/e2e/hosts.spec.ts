import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { articles, expect, importSamples, test } from './fixtures'

const run = promisify(execFile)
const repoRoot = resolve(import.meta.dirname, '../..')

/** The CLI as a user runs it: `npx dossier …` in the repository. */
function dossier(dataDir: string, ...args: string[]): Promise<{ stdout: string; stderr: string }> {
  return run('npx', ['dossier', '--data', dataDir, ...args], { cwd: repoRoot })
}

test('what the browser imports the CLI lists, and what the CLI imports the browser shows', async ({
  page,
  host
}) => {
  // Four `npx dossier` processes and two host starts: under a loaded machine's queue for a
  // core this takes more than the usual minute.
  test.setTimeout(150_000)
  const review = await importSamples(page, host.url, ['harbor-strike-wire.txt'])
  await expect(review).toContainText('1 imported')
  await host.stop()

  const listed = await dossier(host.dataDir, 'list')
  expect(listed.stdout).toContain('Port of Velmora Strike Enters Third Day as Talks Stall')

  const imported = await dossier(
    host.dataDir,
    'import',
    resolve(articles, 'harbor-strike-opinion.txt')
  )
  const id = imported.stdout.match(/imported\s+([0-9a-f]{16})/)![1]!
  await dossier(
    host.dataDir,
    'annotate',
    id,
    '--quote',
    'workers against robots',
    '--note',
    'framing',
    '--color',
    'red'
  )

  await host.restart()
  await page.goto(host.url)
  const row = page.getByRole('row', { name: /The Velmora Strike Is Not Really About Cranes/ })
  await expect(row).toContainText('1')
  await row.dblclick()
  const panel = page.getByRole('list', {
    name: 'Highlights in The Velmora Strike Is Not Really About Cranes'
  })
  await expect(panel.getByRole('button', { name: 'Dispute: workers against robots' })).toBeVisible()
})

test('a second process on an open library is refused, naming the holder', async ({ host }) => {
  const refused = await dossier(host.dataDir, 'list').then(
    () => undefined,
    (error: { code: number; stderr: string }) => error
  )
  expect(refused?.code).toBe(1)
  expect(refused?.stderr).toMatch(/in use by the Dossier web host \(process \d+/)
})
