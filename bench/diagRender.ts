import { mkdtemp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from '@playwright/test'
import { DEFAULT_COLOR_NAMES } from '../src/shared/workspace'
import { createHandlers } from '../src/core/createHandlers'
import { Library } from '../src/core/store/Library'
import { startWebHost } from '../src/web/startWebHost'
import { writeHighlightedArticles } from './library/writeHighlightedArticles'

const repoRoot = '/work/main'
const dir = join(await mkdtemp(join(tmpdir(), 'rhdiag-')), 'lib')
const arts = await writeHighlightedArticles(dir, { seed: 20_240_501, chars: 500_000, highlights: 5000 })
const library = await Library.open(dir, 'benchmark')
const handlers = createHandlers(library, { host: 'web' })
const host = await startWebHost({ handlers: { ...handlers, saveWorkspace: async () => undefined }, rendererDir: join(repoRoot, 'out/renderer') })
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update','--no-first-run'] })
const variant = process.argv[2] ?? 'plain'
for (const kind of ['highlighted', 'plain', 'highlighted', 'plain'] as const) {
  const a = arts[kind]
  await handlers.saveWorkspace({ workspace: { panes: [{ id: 'p', articleId: a.id, scroll: 0, width: 1 }], activePaneId: 'p', scrollSync: false, colorNames: DEFAULT_COLOR_NAMES, currentColor: 1, libraryWidth: 480 } })
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  const page = await ctx.newPage()
  if (variant === 'hidepanel') await page.addInitScript(() => { document.addEventListener('DOMContentLoaded', () => { const s = document.createElement('style'); s.textContent = '.annotations{display:none !important}'; document.head.appendChild(s) }) })
  const cdp = await ctx.newCDPSession(page)
  await cdp.send('Performance.enable')
  await cdp.send('Profiler.enable')
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 })
  await cdp.send('Profiler.start')
  const t0 = Date.now()
  await page.goto(host.url)
  const expected = kind === 'highlighted' ? '5000' : '0'
  await page.waitForSelector(`article[data-highlights-painted="${expected}"]`, { timeout: 120000 })
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r))))
  const wall = Date.now() - t0
  const { profile } = await cdp.send('Profiler.stop') as any
  const metrics = (await cdp.send('Performance.getMetrics')).metrics
  const m = Object.fromEntries(metrics.map((x: any) => [x.name, x.value]))
  const counts = await page.evaluate(() => ({ nodes: document.getElementsByTagName('*').length, selects: document.querySelectorAll('select').length, marks: performance.getEntriesByName('dossier:highlights-painted').map((e: any) => [Math.round(e.startTime), e.detail.count]) }))
  console.log(kind, variant, 'wall', wall, 'ms', JSON.stringify(counts), 'Layout', (m.LayoutDuration*1000).toFixed(0), 'Style', (m.RecalcStyleDuration*1000).toFixed(0), 'Script', (m.ScriptDuration*1000).toFixed(0), 'Task', (m.TaskDuration*1000).toFixed(0), 'layouts', m.LayoutCount, 'styles', m.RecalcStyleCount)
  // self time by function
  const self = new Map<string, number>()
  const byId = new Map(profile.nodes.map((n: any) => [n.id, n]))
  const dt = profile.timeDeltas as number[]
  profile.samples.forEach((id: number, i: number) => {
    const n: any = byId.get(id)
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`
    self.set(key, (self.get(key) ?? 0) + (dt[i] ?? 0) / 1000)
  })
  console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, v]) => `   ${v.toFixed(0).padStart(6)} ms ${k}`).join('\n'))
  await ctx.close()
}
await browser.close(); await host.close(); await library.close()
