import { readdir, readFile } from 'node:fs/promises'
import { dirname, isAbsolute, join, relative, resolve } from 'node:path'

/** A path literal in a file that points outside the repository. */
export interface OutsidePath {
  file: string
  line: number
  literal: string
}

/** Folders and files whose code runs in `npm test`, CI or the benchmarks. */
export const CHECKED = ['tests', 'bench', 'bin', '.ci', 'scripts']
const CODE = /\.(ts|tsx|js|mjs|cjs|json|sh)$|^run$/

/** Absolute paths of this workplace, and any mention of the folder beside the repository. */
const FORBIDDEN = [/^\/work(\/|$)/, /(^|\/)shared\/(samples|conformance|reference)\b/]

/**
 * Every string literal in `source` that names a path outside `repo` when resolved from
 * the file's folder: `../` chains that climb past the root, and absolute paths into the
 * workplace. A heuristic over literals, so it catches what a test would plainly write.
 */
export function outsidePathsIn(repo: string, file: string, source: string): OutsidePath[] {
  const found: OutsidePath[] = []
  const lines = source.split('\n')
  lines.forEach((text, i) => {
    for (const match of text.matchAll(/(['"`])((?:\.\.?\/|\/)[^'"`\s]*)\1/g)) {
      const literal = match[2]!
      const target = isAbsolute(literal) ? literal : resolve(dirname(file), literal)
      const escapes = relative(repo, target).startsWith('..')
      const forbidden = FORBIDDEN.some((pattern) => pattern.test(literal))
      if (forbidden || (!isAbsolute(literal) && escapes)) {
        found.push({ file: relative(repo, file), line: i + 1, literal })
      }
    }
  })
  return found
}

/** Checks every file under CHECKED and the configuration files at the top. */
export async function findOutsidePaths(repo: string): Promise<OutsidePath[]> {
  const files: string[] = []
  for (const name of await readdir(repo)) {
    if (/\.(ts|js|json)$/.test(name) && name !== 'package-lock.json') files.push(join(repo, name))
  }
  for (const folder of CHECKED) {
    const entries = await readdir(join(repo, folder), {
      recursive: true,
      withFileTypes: true
    }).catch(() => [])
    for (const entry of entries) {
      const path = join(entry.parentPath, entry.name)
      // Fixtures are data (a stored library records the paths it was imported from).
      const data = path.includes('node_modules') || path.includes(join('tests', 'fixtures'))
      if (entry.isFile() && CODE.test(entry.name) && !data) files.push(path)
    }
  }
  const found: OutsidePath[] = []
  for (const file of files) found.push(...outsidePathsIn(repo, file, await readFile(file, 'utf8')))
  return found
}
