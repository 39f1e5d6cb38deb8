import { join, resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { findOutsidePaths, outsidePathsIn } from './findOutsidePaths'

const repo = resolve(import.meta.dirname, '../../..')

describe('any clone works', () => {
  it('no test, script, benchmark or config names a path outside the repository', async () => {
    const found = await findOutsidePaths(repo)
    expect(
      found.map((f) => `${f.file}:${f.line} ${f.literal}`),
      'these paths leave the repository; use files in tests/fixtures instead'
    ).toEqual([])
  })

  it('the check finds a climb past the root and an absolute path into the workplace', () => {
    // Built from pieces, so that this file itself holds no such literal.
    const up = ['..', '..', '..'].join('/')
    const workplace = ['', 'work', 'shared', 'samples', 'a.txt'].join('/')
    const file = join(repo, 'tests/e2e/example.ts')
    const source = [
      `const samples = resolve(import.meta.dirname, '${up}/shared/samples')`,
      "const inside = resolve(import.meta.dirname, '../fixtures/articles')",
      `const abs = "${workplace}"`,
      "const root = resolve(import.meta.dirname, '../..')"
    ].join('\n')
    expect(outsidePathsIn(repo, file, source).map((f) => [f.line, f.literal])).toEqual([
      [1, `${up}/shared/samples`],
      [3, workplace]
    ])
  })

  it('the version the CLI and the app report is package.json’s', async () => {
    const { DOSSIER_VERSION } = await import('../../../src/shared/version')
    const pkg = (await import('../../../package.json', { with: { type: 'json' } })).default
    expect(DOSSIER_VERSION).toBe(pkg.version)
  })
})
