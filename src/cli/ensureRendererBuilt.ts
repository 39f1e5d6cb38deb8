import { spawnSync } from 'node:child_process'
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** Builds the app with electron-vite when `out/renderer` is missing or older than its sources. */
export async function ensureRendererBuilt(repoRoot: string): Promise<void> {
  const built = await stat(join(repoRoot, 'out/renderer/index.html')).then(
    (s) => s.mtimeMs,
    () => 0
  )
  const newestSource = Math.max(
    await newestMtime(join(repoRoot, 'src/renderer')),
    await newestMtime(join(repoRoot, 'src/shared'))
  )
  if (built >= newestSource) return
  process.stderr.write('dossier: building the renderer (first run or sources changed)…\n')
  const result = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
    {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit']
    }
  )
  if (result.status !== 0) throw new Error('building the renderer failed; see the output above.')
}

async function newestMtime(folder: string): Promise<number> {
  let newest = 0
  for (const entry of await readdir(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile())
      newest = Math.max(newest, (await stat(join(entry.parentPath, entry.name))).mtimeMs)
  }
  return newest
}
