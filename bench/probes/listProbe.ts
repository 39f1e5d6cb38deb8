/**
 * `dossier list` at full length in a fresh process: `listProbe.ts DIR`. Runs the CLI's
 * own `main` (as `bin/dossier.js` does) with stdout the pipe to the bench, then prints
 * `{"ms": …, "maxRssBytes": …, "startRssBytes": …}` as its last line: wall time from the
 * start of `main` to the last row written, and the process's peak resident memory.
 */
import { main } from '../../src/cli/main'

const [dir] = process.argv.slice(2)
const startRssBytes = process.memoryUsage().rss
const start = performance.now()
await main(['node', 'dossier', '--data', dir!, 'list'])
const ms = performance.now() - start
const maxRssBytes = process.resourceUsage().maxRSS * 1024
process.stdout.write(`\n${JSON.stringify({ ms, maxRssBytes, startRssBytes })}\n`)
