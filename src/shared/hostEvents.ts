import type { Api } from './api'

/** Commands the desktop app's menu sends to the renderer. */
export type MenuCommand = 'import' | 'paste' | 'find' | 'undo' | 'redo'

/** Notifications from the host; the web host has no menu, so it never calls back. */
export interface HostEvents {
  onMenuCommand(listener: (command: MenuCommand) => void): () => void
}

/** What the renderer finds on `window.api`. */
export type WindowApi = Api & HostEvents

export const MENU_CHANNEL = 'dossier:menu'
