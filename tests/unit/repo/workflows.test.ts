import { readFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'
import { parse } from 'yaml'
import { describe, expect, it } from 'vitest'

const repo = resolve(import.meta.dirname, '../../..')

interface Step {
  name?: string
  uses?: string
  run?: string
  env?: Record<string, unknown>
  with?: Record<string, unknown>
}
interface Workflow {
  on: Record<string, unknown>
  jobs: Record<
    string,
    {
      'runs-on': string
      needs?: string
      strategy?: { matrix: { os: string[] } }
      permissions?: Record<string, string>
      steps: Step[]
    }
  >
}

async function workflow(name: string): Promise<Workflow> {
  return parse(await readFile(join(repo, '.github/workflows', name), 'utf8')) as Workflow
}

describe('the release pipeline (.github/workflows)', () => {
  it('ci.yml: on push and pull request, on ubuntu, npm test with the _electron smoke test under xvfb, never skipped', async () => {
    const ci = await workflow('ci.yml')
    expect(Object.keys(ci.on).sort()).toEqual(['pull_request', 'push'])
    const [job] = Object.values(ci.jobs)
    expect(job!['runs-on']).toBe('ubuntu-latest')
    const runs = job!.steps.map((s) => s.run ?? '')
    expect(runs.some((r) => /npm ci\b/.test(r) && !r.includes('ELECTRON_SKIP'))).toBe(true)
    const test = job!.steps.find((s) => s.run?.includes('npm test'))!
    expect(test.run).toMatch(/^xvfb-run\b/)
    // tests/e2e/electron.spec.ts fails instead of skipping when this is set.
    expect(test.env).toMatchObject({ DOSSIER_REQUIRE_ELECTRON: 1 })
  })

  it('release.yml: on a version tag, npm run dist on Linux, macOS and Windows, the installers attached to the release', async () => {
    const release = await workflow('release.yml')
    expect(release.on).toEqual({ push: { tags: ['v*'] } })
    const build = release.jobs.installers!
    expect(build.strategy!.matrix.os).toEqual(['ubuntu-latest', 'macos-latest', 'windows-latest'])
    expect(build.steps.some((s) => s.run === 'npm run dist')).toBe(true)
    const uploaded = String(
      build.steps.find((s) => s.uses?.startsWith('actions/upload'))!.with!.path
    )
    for (const extension of ['AppImage', 'deb', 'dmg', 'exe'])
      expect(uploaded).toContain(`dist/*.${extension}`)
    const publish = release.jobs.release!
    expect(publish.needs).toBe('installers')
    expect(publish.permissions).toEqual({ contents: 'write' })
    expect(publish.steps.some((s) => s.run?.includes('gh release create'))).toBe(true)
  })
})
