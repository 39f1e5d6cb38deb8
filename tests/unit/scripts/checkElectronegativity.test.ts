import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { AllowList, Finding } from '../../../scripts/checkElectronegativity'
import { reviewFindings } from '../../../scripts/checkElectronegativity'

const finding = (check: string, file: string, sample = ''): Finding => ({
  check,
  file,
  line: 12,
  sample,
  description: 'Review this',
  severity: 'MEDIUM'
})
const reason = 'Reviewed: the options come from windowOptions(), tested in security.test.ts.'

describe('reviewFindings (the electronegativity gate)', () => {
  it('passes findings the allow-list names, by check, file and line text', () => {
    const found = [finding('SANDBOX_JS_CHECK', 'src/main/mainWindow.ts', 'new BrowserWindow({')]
    const allowed = [
      {
        check: 'SANDBOX_JS_CHECK',
        file: 'src/main/mainWindow.ts',
        sample: 'new BrowserWindow({',
        reason
      }
    ]
    expect(reviewFindings(found, allowed)).toEqual({ unlisted: [], stale: [], unexplained: [] })
  })

  it('fails a new finding, the same check in another file, and a changed line', () => {
    const allowed = [
      {
        check: 'SANDBOX_JS_CHECK',
        file: 'src/main/mainWindow.ts',
        sample: 'new BrowserWindow({',
        reason
      }
    ]
    const found = [
      finding('NODE_INTEGRATION_JS_CHECK', 'src/main/mainWindow.ts', 'new BrowserWindow({'),
      finding('SANDBOX_JS_CHECK', 'src/main/other.ts', 'new BrowserWindow({'),
      finding('SANDBOX_JS_CHECK', 'src/main/mainWindow.ts', 'new BrowserWindow({ sandbox: false,')
    ]
    const { unlisted, stale } = reviewFindings(found, allowed)
    expect(unlisted).toEqual(found)
    expect(stale).toEqual(allowed)
  })

  it('fails an entry without a reason', () => {
    const allowed = [{ check: 'CSP_GLOBAL_CHECK', file: 'N/A', reason: 'ok' }]
    expect(reviewFindings([finding('CSP_GLOBAL_CHECK', 'N/A')], allowed).unexplained).toEqual(
      allowed
    )
  })

  it('reads a committed allow-list where every entry and exclusion has its reason', async () => {
    const list = JSON.parse(
      await readFile(
        resolve(import.meta.dirname, '../../../security/electronegativity-allow.json'),
        'utf8'
      )
    ) as AllowList
    for (const entry of [...list.findings, ...list.excludedChecks])
      expect(entry.reason.length, entry.check).toBeGreaterThan(40)
  })
})
