import { readFile } from 'node:fs/promises'
import { dirname, join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { repoRoot } from '../store/runTsArgs'

/**
 * The sources each built file bundles: rolldown marks every module with a `// path` line.
 * Followed through static imports only, from `out/main/cli.js`: what `dossier --version`
 * loads before it can print anything.
 */
async function staticallyLoaded(entry: string): Promise<string[]> {
  const files = new Set([entry])
  const modules: string[] = []
  for (const file of files) {
    const code = await readFile(file, 'utf8')
    modules.push(...[...code.matchAll(/^\/\/ ((?:node_modules|src)\/\S+)$/gm)].map((m) => m[1]!))
    const imports = code.matchAll(/(?:\bfrom\s*|^import\s*)"(\.{1,2}\/[^"]+)"/gm)
    for (const [, path] of imports) files.add(resolve(dirname(file), path!))
  }
  return modules
}

describe('the built CLI starts fast', () => {
  it('loads only commander and its own command definitions before parsing', async () => {
    const modules = await staticallyLoaded(join(repoRoot, 'out/main/cli.js'))
    expect(modules).toContain('src/cli/main.ts')
    const heavy = modules.filter(
      (path) =>
        !path.startsWith('node_modules/commander/') &&
        !/^src\/cli\/(main|context|parsers|terminalSafe|claimVocabulary|exportVocabulary|commands\/\w+)\.ts$/.test(
          path
        ) &&
        path !== 'src/shared/version.ts'
    )
    expect(heavy, 'commands must import these lazily, inside their action').toEqual([])
  })
})
