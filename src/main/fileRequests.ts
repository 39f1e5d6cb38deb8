import type { App } from 'electron'
import type { DeliveryQueue } from './DeliveryQueue'
import { filePathsFromArgv } from './filePathsFromArgv'
import type { FocusableWindow } from './forwardSecondInstance'
import { forwardSecondInstance } from './forwardSecondInstance'

/**
 * Queues every file the operating system asks Dossier to open: the paths Dossier was
 * started with, those a second launch hands over (Windows and Linux: "Open with", a
 * double-click, a drop on the taskbar icon), and macOS's `open-file` events (Finder, the
 * dock icon, `open -a Dossier`), which can arrive before the app is ready. Call this
 * before `ready`, once the single-instance lock is held.
 */
export function listenForFileRequests(
  app: App,
  queue: DeliveryQueue<string>,
  window: () => FocusableWindow | undefined
): void {
  // `electron <app> …` in development: the first argument names the app, not a file.
  const appPathArgument = process.defaultApp === true
  queue.push(...filePathsFromArgv(process.argv, { cwd: process.cwd(), appPathArgument }))
  app.on(
    'second-instance',
    forwardSecondInstance({ window, open: (paths) => queue.push(...paths), appPathArgument })
  )
  app.on('open-file', (event, path) => {
    event.preventDefault()
    queue.push(path)
  })
}
