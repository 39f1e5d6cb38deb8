import type { Api } from './api'
import type { ImportOutcome } from './importing'
import type { MenuCommand } from './menuCommands'

/** Commands the desktop app's menu sends to the renderer (with their keys: menuCommands.ts). */
export type { MenuCommand }

/**
 * Files the operating system asked Dossier to open — a file association, "Open with", a
 * file dropped on the dock or taskbar icon, paths on the command line, also while Dossier
 * is already running — after the main process has imported them.
 */
export interface OpenedFiles {
  /**
   * One outcome per file, in the order asked (folders walked): `imported` and `duplicate`
   * articles are the ones to open in panes; `refused` ones (a missing path, a binary file…)
   * belong in the import review.
   */
  outcomes: ImportOutcome[]
}

/** Notifications from the host; the web host has no menu, so it never calls back. */
export interface HostEvents {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
  /**
   * Desktop only (the web host leaves it out: no operating system opens files in it).
   * Subscribing tells the main process that the page listens, so files asked for while the
   * window was still loading are delivered then, not lost.
   */
  onFilesOpened?(listener: (opened: OpenedFiles) => void): () => void
  /**
   * Desktop only: before the app quits, the main process asks the page to save every note
   * with unsaved changes, and waits (a few seconds at most) until `listener` resolves.
   */
  onSaveRequest?(listener: () => Promise<void>): () => void
  /**
   * Web only: the same methods in requests that outlive the page (fetch `keepalive`), for
   * the saves sent as the tab reloads or closes. The desktop app needs none: its IPC
   * messages reach the main process however the page goes.
   */
  keepalive?: Api
}

/** What the renderer finds on `window.api`. */
export type WindowApi = Api & HostEvents

export const MENU_CHANNEL = 'dossier:menu'
/** Main → page: one `OpenedFiles` per batch of files the operating system asked to open. */
export const FILES_OPENED_CHANNEL = 'dossier:files-opened'
/** Page → main: the page now listens on FILES_OPENED_CHANNEL. */
export const FILES_OPENED_READY_CHANNEL = 'dossier:files-opened-ready'
/** Main → page: save every note now; the page answers on SAVE_DONE_CHANNEL with the same id. */
export const SAVE_REQUEST_CHANNEL = 'dossier:save-request'
/** Page → main: the notes asked for with this id are saved (or could not be). */
export const SAVE_DONE_CHANNEL = 'dossier:save-done'
