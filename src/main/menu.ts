import type { MenuItemConstructorOptions } from 'electron'
import { Menu } from 'electron'
import type { MenuCommand } from '../shared/hostEvents'

export interface MenuActions {
  /** Commands that act on the page go to the window's renderer. */
  send: (command: MenuCommand) => void
  showAbout: () => void
  revealLibrary: () => void
}

/**
 * The application menu. macOS gets its app menu (About, Services, Hide, Quit) and a Window
 * menu, and About moves there from Help, as Mac apps do; elsewhere the `&` letters give
 * Alt access keys.
 */
export function menuTemplate(
  { send, showAbout, revealLibrary }: MenuActions,
  platform: NodeJS.Platform = process.platform
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const about: MenuItemConstructorOptions = { label: 'About Dossier', click: showAbout }
  const appMenu: MenuItemConstructorOptions = {
    label: 'Dossier',
    submenu: [
      about,
      { type: 'separator' },
      { role: 'services' },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' }
    ]
  }
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Import…', accelerator: 'CmdOrCtrl+O', click: () => send('import') },
      {
        label: 'New Article from Clipboard',
        accelerator: 'CmdOrCtrl+Shift+V',
        click: () => send('paste')
      },
      { type: 'separator' },
      { label: 'Reveal Library Folder', click: revealLibrary },
      { type: 'separator' },
      isMac ? { role: 'close' } : { role: 'quit' }
    ]
  }
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', click: () => send('undo') },
      { label: 'Redo', accelerator: 'CmdOrCtrl+Shift+Z', click: () => send('redo') },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Find in Article', accelerator: 'CmdOrCtrl+F', click: () => send('find') }
    ]
  }
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'reload' },
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' }
    ]
  }
  if (isMac) return [appMenu, file, edit, view, { role: 'windowMenu' }]
  return [file, edit, view, { label: '&Help', submenu: [about] }]
}

export function buildMenu(actions: MenuActions): Menu {
  return Menu.buildFromTemplate(menuTemplate(actions))
}
