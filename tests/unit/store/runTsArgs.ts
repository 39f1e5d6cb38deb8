import { resolve } from 'node:path'

/** Repository root, for spawning `node bin/run-ts.js` and `node bin/dossier.js`. */
export const repoRoot = resolve(import.meta.dirname, '../../..')

/** Arguments for `node` that run a TypeScript file (relative to the repository) with tsx. */
export function runTsArgs(script: string, ...args: string[]): string[] {
  return [resolve(repoRoot, 'bin/run-ts.js'), resolve(repoRoot, script), ...args]
}
