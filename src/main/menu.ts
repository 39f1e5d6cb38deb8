import type { MenuItemConstructorOptions } from 'electron'
import { Menu } from 'electron'
import type { MenuCommand } from '../shared/menuCommands'
import { acceleratorOf, MENU_CHORDS } from '../shared/menuCommands'

export interface MenuActions {
  /** Commands that act on the page go to the window's renderer. */
  send: (command: MenuCommand) => void
  showAbout: () => void
  revealLibrary: () => void
}

/**
 * The application menu. macOS gets its app menu (About, Services, Hide, Quit) and a Window
 * menu, and About moves there from Help, as Mac apps do; elsewhere the `&` letters give
 * Alt access keys. Every page command shows the key of the page's own shortcut table
 * (src/shared/menuCommands.ts).
 */
export function menuTemplate(
  { send, showAbout, revealLibrary }: MenuActions,
  platform: NodeJS.Platform = process.platform
): MenuItemConstructorOptions[] {
  const isMac = platform === 'darwin'
  const command = (label: string, name: MenuCommand): MenuItemConstructorOptions => {
    const chord: string | undefined = MENU_CHORDS[name]
    return { label, ...(chord ? acceleratorOf(chord) : {}), click: () => send(name) }
  }
  const separator: MenuItemConstructorOptions = { type: 'separator' }
  const about: MenuItemConstructorOptions = { label: 'About Dossier', click: showAbout }
  const appMenu: MenuItemConstructorOptions = {
    label: 'Dossier',
    submenu: [
      about,
      separator,
      { role: 'services' },
      separator,
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      separator,
      { role: 'quit' }
    ]
  }
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('Import…', 'import'),
      command('New Article from Clipboard', 'paste'),
      separator,
      command('Export…', 'export'),
      command('Export as PDF…', 'exportPdf'),
      command('Restore from Backup…', 'restore'),
      separator,
      { label: 'Reveal Library Folder', click: revealLibrary },
      separator,
      isMac ? { role: 'close' } : { role: 'quit' }
    ]
  }
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      command('Undo', 'undo'),
      command('Redo', 'redo'),
      separator,
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      separator,
      command('Find in Article', 'find')
    ]
  }
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      command('Reader', 'view-reader'),
      command('Claims Board', 'view-board'),
      command('Sources', 'view-sources'),
      command('Notebooks', 'view-notebooks'),
      separator,
      command('Library Panel', 'toggle-library'),
      command('Annotations Panel', 'toggle-annotations'),
      separator,
      { role: 'reload' },
      separator,
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      separator,
      { role: 'togglefullscreen' }
    ]
  }
  const shortcuts = command('Keyboard Shortcuts', 'shortcuts')
  if (isMac)
    return [
      appMenu,
      file,
      edit,
      view,
      { role: 'windowMenu' },
      { role: 'help', submenu: [shortcuts] }
    ]
  return [file, edit, view, { label: '&Help', submenu: [shortcuts, separator, about] }]
}

export function buildMenu(actions: MenuActions): Menu {
  return Menu.buildFromTemplate(menuTemplate(actions))
}
