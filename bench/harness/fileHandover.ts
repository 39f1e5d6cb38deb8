import type { Browser, Page } from '@playwright/test'

/** The page globals the in-page code touches; the node tsconfig has no DOM types. */
interface InPage {
  performance: { now(): number }
  PerformanceObserver: new (
    callback: (list: { getEntries(): { startTime: number; duration: number }[] }) => void
  ) => { observe(options: object): void }
  requestAnimationFrame(callback: () => void): number
  setTimeout(callback: () => void, ms: number): number
  handoverTasks?: { start: number; duration: number }[]
}

/** What a page did with the files it was handed: its long tasks (≥ 50 ms) from then on. */
export interface Handover {
  longestMs: number
  tasks: number
  totalMs: number
}

const CONTROL_URL = 'http://file-handover.invalid/'
/** `touched`: a handler that only copies the list, as the first line of Dossier's does. */
const TOUCH = `<script>document.querySelector('input').onchange = (event) => { window.picked = [...event.target.files] }</script>`

/**
 * The control for the import's longest task: a page that is nothing but an
 * `<input type=file>` without a handler is handed the same files as the Import… chooser
 * (`webkitdirectory`: the folder that holds them). What its main thread spends then is
 * Chromium making the `File` objects and their `FileList`, with no page code at all;
 * `touched`, the same with a handler that does nothing but copy the list into an array.
 */
export async function controlHandover(
  browser: Browser,
  picked: { files: string[]; touched?: true } | { directory: string }
): Promise<Handover> {
  const page = await (await browser.newContext()).newPage()
  try {
    const attributes = 'files' in picked ? 'multiple' : 'webkitdirectory'
    await page.route(CONTROL_URL, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: `<!doctype html><title>control</title><input type="file" ${attributes} aria-label="Files">${'touched' in picked ? TOUCH : ''}`
      })
    )
    await page.addInitScript(watchTasks)
    await page.goto(CONTROL_URL)
    await page.evaluate(settle)
    const since = await page.evaluate(() => (globalThis as unknown as InPage).performance.now())
    await page.locator('input').setInputFiles('files' in picked ? picked.files : picked.directory)
    return await handoverSince(page, since)
  } finally {
    await page.context().close()
  }
}

/** The page's long tasks from `since` (its clock) until it has settled. */
async function handoverSince(page: Page, since: number): Promise<Handover> {
  await page.evaluate(settle)
  const tasks = await page.evaluate(
    (from) =>
      ((globalThis as unknown as InPage).handoverTasks ?? []).filter((task) => task.start >= from),
    since
  )
  return {
    longestMs: Math.max(0, ...tasks.map((task) => task.duration)),
    tasks: tasks.length,
    totalMs: tasks.reduce((sum, task) => sum + task.duration, 0)
  }
}

/** Runs in the page before its scripts. No named inner functions: tsx would wrap them. */
const watchTasks = (): void => {
  const page = globalThis as unknown as InPage
  const tasks: NonNullable<InPage['handoverTasks']> = []
  page.handoverTasks = tasks
  new page.PerformanceObserver((list) => {
    for (const entry of list.getEntries())
      tasks.push({ start: entry.startTime, duration: entry.duration })
  }).observe({ type: 'longtask', buffered: true })
}

/** Runs in the page: two frames and a pause, so pending work and its long tasks are in. */
const settle = (): Promise<void> => {
  const page = globalThis as unknown as InPage
  return new Promise((resolve) =>
    page.requestAnimationFrame(() =>
      page.requestAnimationFrame(() => page.setTimeout(() => resolve(), 500))
    )
  )
}
