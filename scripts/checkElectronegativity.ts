/**
 * Runs @doyensec/electronegativity over src/ and fails on any finding that is not in the
 * reviewed allow-list, security/electronegativity-allow.json (each entry with its reason),
 * on any entry that no longer matches a finding, and on any file the tool could not parse.
 * The tool itself exits 0 whatever it finds. Part of `npm run lint`.
 */
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

/** One finding, as this script reports it: file relative to the repository. */
export interface Finding {
  check: string
  file: string
  line: number
  sample: string
  description: string
  severity: string
}

/** A reviewed finding: the check, the file (`N/A` for global checks), the line's text. */
export interface AllowedFinding {
  check: string
  file: string
  /** The flagged line, trimmed; when it changes, the finding is reviewed again. */
  sample?: string
  reason: string
}

export interface AllowList {
  /** Checks not run at all (by the tool's class name), with why. */
  excludedChecks: { check: string; reason: string }[]
  findings: AllowedFinding[]
}

/** What the tool's programmatic API resolves to (its README), as far as read here. */
interface ToolResult {
  errors: { file: string; message: string; tolerable: boolean }[]
  issues: {
    id: string
    file: string
    location: { line: number }
    sample?: string
    description: string
    severity: { name: string }
  }[]
}
type RunTool = (options: {
  input: string
  isRelative: boolean
  electronVersionOverride: string
  excludeFromScan: string[]
}) => Promise<ToolResult>

function allows(entry: AllowedFinding, finding: Finding): boolean {
  return (
    entry.check === finding.check &&
    entry.file === finding.file &&
    (entry.sample === undefined || entry.sample === finding.sample)
  )
}

/**
 * The findings no entry allows, the entries that allow nothing found (stale: remove
 * them, so the list stays a review of today's code) and the entries without a reason.
 */
export function reviewFindings(
  findings: Finding[],
  allowed: AllowedFinding[]
): { unlisted: Finding[]; stale: AllowedFinding[]; unexplained: AllowedFinding[] } {
  return {
    unlisted: findings.filter((finding) => !allowed.some((entry) => allows(entry, finding))),
    stale: allowed.filter((entry) => !findings.some((finding) => allows(entry, finding))),
    unexplained: allowed.filter((entry) => entry.reason.trim().length < 20)
  }
}

async function main(): Promise<void> {
  const repo = resolve(import.meta.dirname, '..')
  const require = createRequire(import.meta.url)
  const runTool = require('@doyensec/electronegativity') as RunTool
  const electron = require('electron/package.json') as { version: string }
  const allowList = JSON.parse(
    await readFile(join(repo, 'security', 'electronegativity-allow.json'), 'utf8')
  ) as AllowList
  const result = await runTool({
    input: join(repo, 'src'),
    isRelative: true,
    // Offline, the tool cannot tell the version from package.json's range and assumes 0.1.
    electronVersionOverride: electron.version,
    excludeFromScan: allowList.excludedChecks.map((entry) => entry.check)
  })
  const findings: Finding[] = result.issues.map((issue) => ({
    check: issue.id,
    file: issue.file === 'N/A' ? 'N/A' : `src/${issue.file.replaceAll('\\', '/')}`,
    line: issue.location.line,
    sample: (issue.sample ?? '').trim(),
    description: issue.description,
    severity: issue.severity.name
  }))
  const unparsed = result.errors.filter((error) => !error.tolerable)
  const { unlisted, stale, unexplained } = reviewFindings(findings, allowList.findings)
  for (const error of unparsed) console.error(`not scanned: ${error.file}: ${error.message}`)
  for (const f of unlisted)
    console.error(`${f.severity} ${f.check} ${f.file}:${f.line}  ${f.sample}\n  ${f.description}`)
  for (const entry of stale) console.error(`stale allow-list entry: ${entry.check} ${entry.file}`)
  for (const entry of unexplained)
    console.error(`allow-list entry without a reason: ${entry.check}`)
  const failed = unparsed.length + unlisted.length + stale.length + unexplained.length
  if (failed > 0) {
    console.error(
      `electronegativity: ${failed} problem(s). Fix the code, or review the finding and add it to security/electronegativity-allow.json with the reason.`
    )
    process.exitCode = 1
  } else {
    console.log(
      `electronegativity: ${findings.length} finding(s), each reviewed in security/electronegativity-allow.json.`
    )
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main()
