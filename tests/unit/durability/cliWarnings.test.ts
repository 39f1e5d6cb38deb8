import { spawnSync } from 'node:child_process'
import { chmod, chown, mkdtemp, readFile, readdir, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { Library } from '../../../src/core/store/Library'
import { sampleArticle } from '../store/sampleArticle'
import { repoRoot } from '../store/runTsArgs'

const text = 'Harbour strike enters third day\n\nDock workers walked out on Monday.\n'

let root: string | undefined
afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true })
  root = undefined
})

/** The uid and gid of `nobody`, if this root process can run commands as it. */
function nobody(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined
  const id = (flag: string) => spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' })
  const [uid, gid] = [id('-u'), id('-g')]
  if (uid.status !== 0 || gid.status !== 0) return undefined
  if (spawnSync('runuser', ['-u', 'nobody', '--', 'true']).status !== 0) return undefined
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) }
}

async function chownAll(path: string, user: { uid: number; gid: number }): Promise<void> {
  await chown(path, user.uid, user.gid)
  for (const name of await readdir(path, { recursive: true }))
    await chown(join(path, name), user.uid, user.gid)
}

// A folder it may write into but not read cannot be opened to fsync it: the save is in
// place, but not yet safe from a power cut. Only the real CLI as another user can show
// it (root reads every folder), so this runs as `nobody` when the tests run as root.
describe('warnings while a command runs', () => {
  const user = nobody()
  it.runIf(user !== undefined)(
    '`dossier annotate` prints that the folder could not be synced, as it happens, and the highlight stands',
    async () => {
      root = await mkdtemp(join(tmpdir(), 'dossier-cli-warn-'))
      const data = join(root, 'library')
      const library = await Library.open(data, 'test')
      const { article } = await library.addArticle(sampleArticle(text, 'Harbour strike'))
      await library.close()
      await chmod(root, 0o755)
      await chownAll(data, user!)
      // annotations/ stays root's: nobody may create and rename files in it, not list it.
      const annotations = join(data, 'annotations')
      await chown(annotations, 0, 0)
      await chmod(annotations, 0o333)

      const run = spawnSync(
        'runuser',
        [
          '-u',
          'nobody',
          '--',
          process.execPath,
          resolve(repoRoot, 'bin/dossier.js'),
          '--data',
          data,
          '--json',
          'annotate',
          article.id,
          '--quote',
          'Dock workers'
        ],
        { encoding: 'utf8', cwd: '/', env: { ...process.env, DOSSIER_DATA: '' } }
      )
      expect(run.status, run.stderr).toBe(0)
      expect(run.stderr).toMatch(
        new RegExp(
          `dossier: ${join(annotations, article.id)}\\.json was written, but its folder could not be synced.*power cut`
        )
      )
      const made = JSON.parse(run.stdout) as { id: string }
      await chmod(annotations, 0o700)
      const stored = JSON.parse(await readFile(join(annotations, `${article.id}.json`), 'utf8'))
      expect(stored.annotations.map((a: { id: string }) => a.id)).toEqual([made.id])
    }
  )
})
